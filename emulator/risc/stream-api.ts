import { readJsonBody } from "../http/params";
import { jsonResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse } from "../http/types";
import type { EmulatorState } from "../state";
import { EVENT_NAMES, EVENT_TYPES, PUSH_DELIVERY_METHOD, type EventName } from "./event-types";
import { DELIVERY_DEFAULTS, type StreamConfig } from "./risc-state";
import { authenticateServiceAccount, riscError } from "./stream-auth";

/**
 * Google's RISC stream management API (`risc.googleapis.com/v1beta`) on the emulator's origin:
 * the same stream the control API configures, behind service account JWT auth and Google's documented errors.
 */
export function registerRiscStreamApiRoutes(router: Router, state: EmulatorState): void {
  const guarded = (handler: (req: EmuRequest) => EmuResponse | Promise<EmuResponse>) => async (req: EmuRequest) => {
    const caller = authenticateServiceAccount(req, state);
    return "keyId" in caller ? handler(req) : caller;
  };
  const withStream = (handler: (stream: StreamConfig, req: EmuRequest) => EmuResponse | Promise<EmuResponse>) =>
    guarded((req) => (state.risc.stream ? handler(state.risc.stream, req) : riscError(404, "Project has no RISC configuration.")));

  router.add(
    "POST",
    "/v1beta/stream:update",
    guarded((req) => {
      const parsed = parseStreamUpdate(readJsonBody(req));
      if ("status" in parsed) return parsed;
      const previous = state.risc.stream;
      state.risc.stream = {
        ...DELIVERY_DEFAULTS,
        status: "enabled",
        ...previous,
        url: parsed.url,
        eventsRequested: parsed.eventsRequested,
      };
      return jsonResponse(200, streamView(state.risc.stream));
    }),
  );
  router.add(
    "GET",
    "/v1beta/stream",
    withStream((stream) => jsonResponse(200, streamView(stream))),
  );
  router.add(
    "POST",
    "/v1beta/stream/status:update",
    withStream((stream, req) => {
      const status = field(readJsonBody(req), "status");
      if (status !== "enabled" && status !== "disabled") return riscError(400, "Stream configuration must contain status field.");
      stream.status = status;
      return jsonResponse(200, { status });
    }),
  );
  router.add(
    "GET",
    "/v1beta/stream/status",
    withStream((stream) => jsonResponse(200, { status: stream.status })),
  );
  router.add(
    "POST",
    "/v1beta/stream:verify",
    withStream(async (_stream, req) => {
      const verifyState = field(readJsonBody(req), "state");
      const { raiseSecurityEvent } = await import("./raise-event");
      await raiseSecurityEvent(state, {
        type: "verification",
        ...(typeof verifyState === "string" ? { state: verifyState } : {}),
        tokenIdentifierAlg: "hash_base64_sha512_sha512",
        apply: true,
      });
      return jsonResponse(200, {});
    }),
  );
}

function streamView(stream: StreamConfig) {
  return {
    delivery: { delivery_method: PUSH_DELIVERY_METHOD, url: stream.url },
    events_requested: stream.eventsRequested.map((n) => EVENT_TYPES[n]),
  };
}

function parseStreamUpdate(body: unknown): { url: string; eventsRequested: EventName[] } | EmuResponse {
  const missing = (name: string) => riscError(400, `Stream configuration must contain ${name} field.`);
  const delivery = field(body, "delivery");
  if (delivery === undefined) return missing("delivery");
  const method = field(delivery, "delivery_method");
  if (method === undefined) return missing("delivery_method");
  if (method !== PUSH_DELIVERY_METHOD) return riscError(400, `Unsupported delivery method: ${JSON.stringify(method)}`);
  const url = field(delivery, "url");
  if (typeof url !== "string") return missing("url");
  const requested = field(body, "events_requested");
  if (!Array.isArray(requested) || requested.length === 0) return missing("events_requested");
  const eventsRequested: EventName[] = [];
  for (const uri of requested) {
    const name = EVENT_NAMES.find((n) => EVENT_TYPES[n] === uri);
    if (!name) return riscError(400, `Unsupported event type: ${JSON.stringify(uri)}`);
    eventsRequested.push(name);
  }
  if (!deliverable(url)) return riscError(403, "The delivery endpoint must be an HTTPS URL.");
  return { url, eventsRequested };
}

/** HTTPS as Google requires, plus plain HTTP to a loopback host so local receivers can be configured this way too. */
function deliverable(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || (parsed.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname));
  } catch {
    return false;
  }
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}
