import type { z } from "zod";
import { jsonResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse } from "../http/types";
import { EVENT_NAMES } from "../risc/event-types";
import type { EmulatorState } from "../state";
import { controlProblem as problem, jsonBodyHandler } from "./json-body";
import type * as Schemas from "./risc-schemas";

type SchemaModule = typeof Schemas;
let schemaModule: Promise<SchemaModule> | undefined;

/** Loaded on first use so zod stays off the start-up path (see control-routes.ts). */
function schemas(): Promise<SchemaModule> {
  schemaModule ??= import("./risc-schemas");
  return schemaModule;
}

const withBody = <S extends z.ZodType>(
  pick: (m: SchemaModule) => S,
  handler: (body: z.output<S>, req: EmuRequest) => EmuResponse | Promise<EmuResponse>,
) => jsonBodyHandler(schemas, pick, handler);

const BASE = "/__emulator/risc";

/** Cross-Account Protection controls: the stream to push SETs to, raising events (and forgeries), the log. */
export function registerRiscControlRoutes(router: Router, state: EmulatorState): void {
  const streamView = () => jsonResponse(200, { stream: state.risc.stream ?? null });

  router.add("GET", `${BASE}/stream`, streamView);
  router.add(
    "POST",
    `${BASE}/stream`,
    withBody(
      (m) => m.riscStreamSchema,
      (body) => {
        const { events_requested: requested, ...rest } = body;
        state.risc.stream = { ...rest, eventsRequested: requested ?? [...EVENT_NAMES] };
        return streamView();
      },
    ),
  );
  // Like Google's stream/status:update: disabling drops events from then on, enabling does not bring them back.
  router.add(
    "POST",
    `${BASE}/stream/status`,
    withBody(
      (m) => m.riscStreamStatusSchema,
      (body) => {
        const stream = state.risc.stream;
        if (!stream) return problem(404, "No RISC stream configured");
        stream.status = body.status;
        return streamView();
      },
    ),
  );
  router.add("DELETE", `${BASE}/stream`, () => {
    state.risc.stream = undefined;
    return streamView();
  });
  router.add(
    "POST",
    `${BASE}/events`,
    withBody(
      (m) => m.riscEventSchema,
      async (body) => {
        // Signing, forging and delivery load on first use, off the start-up path.
        const { raiseSecurityEvent } = await import("../risc/raise-event");
        const result = await raiseSecurityEvent(state, body);
        return result.ok ? jsonResponse(200, result.answer) : problem(result.status, result.message);
      },
    ),
  );
  // A service account key file for the stream management API (`/v1beta/stream…`).
  router.add(
    "POST",
    `${BASE}/service-accounts`,
    withBody(
      (m) => m.serviceAccountSchema,
      async (body, req) => jsonResponse(201, await state.risc.serviceAccounts.create(body.email, body.riscAdmin, `${req.origin}/token`)),
    ),
  );
  router.add("GET", `${BASE}/deliveries`, () => jsonResponse(200, { deliveries: state.risc.deliveries() }));
  router.add("DELETE", `${BASE}/deliveries`, () => {
    state.risc.clearDeliveries();
    return jsonResponse(200, { ok: true });
  });
}
