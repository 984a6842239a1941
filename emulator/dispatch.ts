import { setTimeout as sleep } from "node:timers/promises";
import { errorForStatus, mailSendingLimit } from "./gmail/errors";
import { gmailFieldSelection, selectResponseFields } from "./gmail/fields-param";
import { parseJsonBody } from "./http/responses";
import type { Router } from "./http/router";
import type { EmuRequest, EmuResponse } from "./http/types";
import { errorPage } from "./oauth/pages";
import { oauthErrorForStatus } from "./oauth/oauth-errors";
import type { EmulatorState } from "./state";

const OAUTH_JSON_PATHS = ["/token", "/revoke", "/tokeninfo"];

/**
 * The pipeline every Google request and every batch part goes through: count it, roll the faults, delay,
 * answer (with the fault's error or the real handler), then apply Retry-After, dropFields and the request's
 * own `fields` selection. A malformed `fields` is refused before the method runs, as Google refuses it.
 */
export function createDispatcher(state: EmulatorState, router: Router): (req: EmuRequest) => Promise<EmuResponse> {
  return async (req) => {
    const match = router.match(req.method, req.path);
    state.log.countEndpoint(match?.statsKey ?? `${req.method} ${req.path}`);
    const fields = gmailFieldSelection(req);
    if ("refusal" in fields) return fields.refusal;
    const fired = state.faults.roll(req.method, req.path);
    if (fired && fired.latencyMs > 0) await sleep(fired.latencyMs);
    let response: EmuResponse;
    if (fired?.mailSending) response = mailSendingLimit(new Date(Date.now() + (fired.retryAfter ?? 0) * 1000));
    else if (fired?.status !== undefined) response = faultResponse(req.path, fired.status);
    else if (match) response = await runHandler(() => match.handler(req, match.params));
    else response = errorForStatus(404);
    if (fired?.retryAfter !== undefined) response.headers["retry-after"] = String(fired.retryAfter);
    if (fired && fired.dropFields.length > 0) response = dropFields(response, fired.dropFields);
    if (fields.selection) response = selectResponseFields(response, fields.selection);
    return response;
  };
}

async function runHandler(handler: () => EmuResponse | Promise<EmuResponse>): Promise<EmuResponse> {
  try {
    return await handler();
  } catch (error) {
    console.error("emulator: handler failed", error);
    return errorForStatus(500);
  }
}

/** Each endpoint family fails in its own format: OAuth JSON, an HTML page, or the googleapis envelope. */
function faultResponse(path: string, status: number): EmuResponse {
  if (OAUTH_JSON_PATHS.some((p) => path === p)) return oauthErrorForStatus(status);
  if (path.startsWith("/o/oauth2/"))
    return errorPage(status, status >= 500 ? "server_error" : "invalid_request", "The emulator injected this failure.");
  return errorForStatus(status);
}

function dropFields(response: EmuResponse, fields: readonly string[]): EmuResponse {
  const value = parseJsonBody(response);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return response;
  const copy = { ...(value as Record<string, unknown>) };
  for (const field of fields) delete copy[field];
  return { ...response, body: JSON.stringify(copy, null, 2) };
}
