import type { z } from "zod";
import { readJsonBody } from "../http/params";
import { jsonResponse } from "../http/responses";
import { Router } from "../http/router";
import type { EmuRequest, EmuResponse } from "../http/types";
import { resetState, type EmulatorState } from "../state";
import { rawMessageBytes } from "../gmail/message-content";
import { MailWriter } from "../gmail/write-mail";
import { addUser, insertRawMessage } from "./mailbox-admin";
import type * as Schemas from "./schemas";

type SchemaModule = typeof Schemas;
let schemaModule: Promise<SchemaModule> | undefined;

/** zod takes ~200 ms to load; loading it on the first control POST keeps start-up (and health) fast. */
function schemas(): Promise<SchemaModule> {
  schemaModule ??= import("./schemas");
  return schemaModule;
}

const BASE = "/__emulator";

/** The control API. Its requests are not logged, counted, delayed or faulted. */
export function buildControlRouter(state: EmulatorState): Router {
  const router = new Router();
  const ok = (extra: Record<string, unknown> = {}) => jsonResponse(200, { ok: true, ...extra });

  router.add("GET", `${BASE}/health`, () => ok());
  router.add("POST", `${BASE}/reset`, () => {
    resetState(state);
    return ok();
  });
  router.add("GET", `${BASE}/users`, () =>
    jsonResponse(200, {
      users: state.users.list().map((a) => {
        const mailbox = state.users.mailbox(a.email);
        return {
          email: a.email,
          name: a.name,
          sub: a.sub,
          messagesTotal: mailbox?.messageCount ?? 0,
          threadsTotal: mailbox?.threadCount ?? 0,
        };
      }),
    }),
  );
  router.add(
    "POST",
    `${BASE}/users`,
    withBody(
      (m) => m.addUserSchema,
      (body) => {
        const added = addUser(state.users, body);
        return typeof added === "string" ? problem(409, added) : jsonResponse(201, added);
      },
    ),
  );
  router.add(
    "POST",
    `${BASE}/clients`,
    withBody(
      (m) => m.addClientSchema,
      (body) => {
        state.clients.register({
          clientId: body.client_id,
          clientSecret: body.client_secret,
          name: body.name ?? body.client_id,
          redirectUris: body.redirect_uris,
          devCallback: false,
          // Google's client ids start with the project number; `x.apps…` belongs to project `x` here.
          projectId: body.project_id ?? body.client_id.split(/[.-]/)[0] ?? body.client_id,
        });
        return ok({ client_id: body.client_id });
      },
    ),
  );
  router.add(
    "POST",
    `${BASE}/revoke`,
    withBody(
      (m) => m.revokeSchema,
      (body) => {
        if (!state.users.find(body.email)) return problem(404, `No such user: ${body.email}`);
        return ok({ revoked: state.tokens.revokeGrant(body.email) });
      },
    ),
  );
  router.add("GET", `${BASE}/grants`, (req) => {
    const email = req.query.get("email");
    if (!email) return problem(400, "Missing query parameter: email");
    return jsonResponse(200, { grants: state.tokens.grantsOf(email) });
  });
  router.add(
    "POST",
    `${BASE}/expire`,
    withBody(
      (m) => m.expireSchema,
      (body) => ok({ expired: state.tokens.expireAccessTokens(body.email) }),
    ),
  );
  router.add(
    "POST",
    `${BASE}/consent`,
    withBody(
      (m) => m.consentSchema,
      (body) => {
        if (body.autoApprove === false) {
          state.consent = undefined;
          return ok({ consent: null });
        }
        if (body.email !== undefined && !state.users.find(body.email)) return problem(404, `No such user: ${body.email}`);
        state.consent = {
          ...(body.email !== undefined ? { email: body.email } : {}),
          ...(body.grantScopes ? { grantScopes: body.grantScopes } : {}),
          ...(body.deny === true ? { deny: true } : {}),
        };
        return ok({ consent: state.consent });
      },
    ),
  );
  router.add("GET", `${BASE}/faults`, () => jsonResponse(200, { faults: state.faults.list() }));
  router.add(
    "POST",
    `${BASE}/faults`,
    withBody(
      (m) => m.faultSchema,
      (body) => jsonResponse(201, { ok: true, id: state.faults.add(body) }),
    ),
  );
  router.add("DELETE", `${BASE}/faults`, () => {
    state.faults.clear();
    return ok();
  });
  router.add(
    "POST",
    `${BASE}/latency`,
    withBody(
      (m) => m.latencySchema,
      (body) => {
        state.latencyMs = body.ms;
        return ok({ latencyMs: body.ms });
      },
    ),
  );
  router.add(
    "POST",
    `${BASE}/send-as`,
    withBody(
      (m) => m.putSendAsSchema,
      ({ email, ...alias }) => {
        const mailbox = state.users.mailbox(email);
        if (!mailbox) return problem(404, `No such user: ${email}`);
        if (alias.sendAsEmail === email) return problem(400, "The primary address is not an alias");
        mailbox.sendAs.put(alias);
        return ok({ sendAs: mailbox.sendAs.list() });
      },
    ),
  );
  router.add(
    "POST",
    `${BASE}/send`,
    withBody(
      (m) => m.sendAsUserSchema,
      (body) => {
        const account = state.users.find(body.email);
        const mailbox = account ? state.users.mailbox(account.email) : undefined;
        if (!account || !mailbox) return problem(404, `No such user: ${body.email}`);
        const caller = { account, mailbox, clientId: "emulator-control", metadataOnly: false };
        const input = { raw: rawMessageBytes(body.raw), ...(body.threadId ? { threadId: body.threadId } : {}) };
        return new MailWriter(state, caller, new URLSearchParams({ prettyPrint: "false" })).sendMessage(input);
      },
    ),
  );
  router.add("GET", `${BASE}/limits`, () => jsonResponse(200, state.limits));
  router.add(
    "POST",
    `${BASE}/limits`,
    withBody(
      (m) => m.limitsSchema,
      (body) => {
        state.limits = { ...state.limits, ...body };
        return jsonResponse(200, state.limits);
      },
    ),
  );
  router.add(
    "POST",
    `${BASE}/messages`,
    withBody(
      (m) => m.insertMessageSchema,
      (body) => {
        const mailbox = state.users.mailbox(body.email);
        if (!mailbox) return problem(404, `No such user: ${body.email}`);
        const inserted = insertRawMessage(mailbox, body);
        return typeof inserted === "string" ? problem(400, inserted) : jsonResponse(201, inserted);
      },
    ),
  );
  // Gmail keeps history "at least a week", sometimes "only a few hours": this makes it run out now.
  router.add(
    "POST",
    `${BASE}/history/expire`,
    withBody(
      (m) => m.historyExpireSchema,
      (body) => {
        const mailbox = state.users.mailbox(body.email);
        if (!mailbox) return problem(404, `No such user: ${body.email}`);
        mailbox.history.expire();
        return ok({ historyId: String(mailbox.history.currentId) });
      },
    ),
  );
  router.add("GET", `${BASE}/requests`, () => jsonResponse(200, { requests: state.log.requests() }));
  router.add("DELETE", `${BASE}/requests`, () => {
    state.log.clearRequests();
    return ok();
  });
  router.add("GET", `${BASE}/stats`, () => jsonResponse(200, state.log.stats()));
  router.add("DELETE", `${BASE}/stats`, () => {
    state.log.clearStats();
    return ok();
  });
  return router;
}

function problem(status: number, message: string): EmuResponse {
  return jsonResponse(status, { error: message });
}

/** Validates the JSON body with zod; an empty body counts as `{}` so optional-only bodies may be omitted. */
function withBody<S extends z.ZodType>(
  pick: (m: SchemaModule) => S,
  handler: (body: z.output<S>) => EmuResponse,
): (req: EmuRequest) => Promise<EmuResponse> {
  return async (req) => {
    const raw = req.body.length === 0 ? {} : readJsonBody(req);
    if (raw === undefined) return problem(400, "Body must be JSON");
    const parsed = pick(await schemas()).safeParse(raw);
    if (!parsed.success) return problem(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
    return handler(parsed.data);
  };
}

export function controlNotFound(req: EmuRequest): EmuResponse {
  return problem(404, `Unknown control endpoint: ${req.method} ${req.path}`);
}
