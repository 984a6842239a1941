import { redirectResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse } from "../http/types";
import type { EmulatorState } from "../state";
import type { Account } from "../users";
import { type AuthRequest, parseAuthRequest } from "./authorize-request";
import { approveOrDenyOnly, approvedScopes, scopesToShow } from "./consent-rules";
import type { PendingFlow } from "./flows";
import { CHOOSER_ACTION, CONSENT_ACTION, chooserPage, consentPage, errorPage } from "./pages";
import { canonicalScope, redirectScopeParam } from "./scopes";

/** `/o/oauth2/v2/auth`: account chooser → consent screen → redirect with a code, as Google runs it. */
export function registerAuthorizeRoutes(router: Router, state: EmulatorState): void {
  router.add("GET", "/o/oauth2/v2/auth", (req) => startAuthorization(state, req));
  router.add("POST", CHOOSER_ACTION, (req) => chooseAccount(state, req));
  router.add("GET", CONSENT_ACTION, (req) => showConsent(state, req));
  router.add("POST", CONSENT_ACTION, (req) => decideConsent(state, req));
}

function startAuthorization(state: EmulatorState, req: EmuRequest): EmuResponse {
  const parsed = parseAuthRequest(req.query, state.clients);
  if (!parsed.ok) return parsed.response;
  const request = parsed.request;
  if (state.consent) return automatedConsent(state, request);
  const hinted = request.loginHint !== undefined ? state.users.find(request.loginHint) : undefined;
  if (hinted && !request.prompt.has("select_account")) return afterAccountChosen(state, request, hinted, undefined);
  if (request.prompt.has("none")) return redirectWithError(request, "account_selection_required");
  const flow = state.flows.create(request);
  return chooserPage(flow.id, request.client.name, state.users.list());
}

function chooseAccount(state: EmulatorState, req: EmuRequest): EmuResponse {
  const form = new URLSearchParams(req.body.toString("utf8"));
  const flow = state.flows.get(form.get("flow") ?? "");
  if (!flow) return expiredFlow();
  const account = state.users.find(form.get("account") ?? "");
  if (!account) return errorPage(400, "invalid_request", "That account is not available.");
  return afterAccountChosen(state, flow.request, account, flow);
}

/** Skips consent when every requested scope was already granted and consent is not forced (no refresh token then). */
function afterAccountChosen(state: EmulatorState, request: AuthRequest, account: Account, flow: PendingFlow | undefined): EmuResponse {
  if (coveredByGrant(state, request, account) && !request.prompt.has("consent")) {
    if (flow) state.flows.finish(flow.id);
    return completeAuthorization(state, request, account, request.scopes, false);
  }
  if (request.prompt.has("none")) return redirectWithError(request, "consent_required");
  const pending = flow ?? state.flows.create(request);
  pending.email = account.email;
  pending.shown = scopesToShow(request, grantedScopes(state, request, account));
  return redirectResponse(`${CONSENT_ACTION}?flow=${encodeURIComponent(pending.id)}`, 303);
}

function showConsent(state: EmulatorState, req: EmuRequest): EmuResponse {
  const flow = state.flows.get(req.query.get("flow") ?? "");
  const account = flow?.email !== undefined ? state.users.find(flow.email) : undefined;
  if (!flow || !account) return expiredFlow();
  const shown = flow.shown ?? flow.request.scopes;
  return consentPage(flow.id, flow.request.client.name, account, shown, approveOrDenyOnly(shown));
}

function decideConsent(state: EmulatorState, req: EmuRequest): EmuResponse {
  const form = new URLSearchParams(req.body.toString("utf8"));
  const flow = state.flows.get(form.get("flow") ?? "");
  const account = flow?.email !== undefined ? state.users.find(flow.email) : undefined;
  if (!flow || !account) return expiredFlow();
  state.flows.finish(flow.id);
  if (form.get("action") !== "allow") return redirectWithError(flow.request, "access_denied");
  const shown = flow.shown ?? flow.request.scopes;
  // Approve-or-deny screens have no checkboxes, so nothing is posted for them.
  const ticked = approveOrDenyOnly(shown) ? "all" : new Set(form.getAll("scope").map(canonicalScope));
  const approved = approvedScopes(flow.request, grantedScopes(state, flow.request, account), shown, ticked);
  if (!approved) return redirectWithError(flow.request, "access_denied");
  return completeAuthorization(state, flow.request, account, approved, true);
}

/** POST /__emulator/consent: answer as if the user picked the account and pressed Allow (Cancel with `deny`). */
function automatedConsent(state: EmulatorState, request: AuthRequest): EmuResponse {
  const automation = state.consent ?? {};
  const wanted = automation.email ?? request.loginHint;
  const account = wanted !== undefined ? state.users.find(wanted) : state.users.list()[0];
  if (!account) return errorPage(400, "invalid_request", `No such account: ${wanted ?? "(none)"}`);
  if (coveredByGrant(state, request, account) && !request.prompt.has("consent")) {
    return completeAuthorization(state, request, account, request.scopes, false);
  }
  if (request.prompt.has("none")) return redirectWithError(request, "consent_required");
  if (automation.deny === true) return redirectWithError(request, "access_denied");
  const granted = grantedScopes(state, request, account);
  const ticked = automation.grantScopes ? new Set(automation.grantScopes.map(canonicalScope)) : "all";
  const approved = approvedScopes(request, granted, scopesToShow(request, granted), ticked);
  if (!approved) return redirectWithError(request, "access_denied");
  return completeAuthorization(state, request, account, approved, true);
}

function grantedScopes(state: EmulatorState, request: AuthRequest, account: Account): ReadonlySet<string> {
  return state.tokens.grant(account.email, request.client.clientId)?.scopes ?? new Set();
}

function coveredByGrant(state: EmulatorState, request: AuthRequest, account: Account): boolean {
  const grant = state.tokens.grant(account.email, request.client.clientId);
  return grant !== undefined && request.scopes.every((s) => grant.scopes.has(s));
}

/**
 * Issues the code. A refresh token will come with it only for offline access when the consent screen was
 * actually shown and approved (first consent or prompt=consent), exactly Google's rule.
 */
function completeAuthorization(
  state: EmulatorState,
  request: AuthRequest,
  account: Account,
  approved: string[],
  consentShown: boolean,
): EmuResponse {
  const clientId = request.client.clientId;
  if (consentShown) state.tokens.addToGrant(account.email, clientId, approved);
  const grant = state.tokens.grant(account.email, clientId);
  const scopes = request.includeGrantedScopes && grant ? [...new Set([...approved, ...grant.scopes])] : approved;
  // One combined authorization: refresh tokens issued earlier now mint tokens for the union too.
  if (request.includeGrantedScopes && consentShown) state.tokens.widenRefreshTokens(account.email, clientId, scopes);
  const code = state.tokens.issueCode({
    email: account.email,
    clientId,
    redirectUri: request.redirectUri,
    scopes,
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    ...(request.codeChallenge !== undefined
      ? { codeChallenge: request.codeChallenge, codeChallengeMethod: request.codeChallengeMethod ?? "plain" }
      : {}),
    issueRefreshToken: request.accessType === "offline" && consentShown,
    accessType: request.accessType,
  });
  const params: [string, string][] = [];
  if (request.state !== undefined) params.push(["state", request.state]);
  params.push(
    ["code", code.code],
    ["scope", redirectScopeParam(scopes, request.shortForms)],
    ["authuser", String(Math.max(0, state.users.indexOf(account)))],
    ["prompt", consentShown ? "consent" : "none"],
  );
  return redirectResponse(withQuery(request.redirectUri, params));
}

function redirectWithError(request: AuthRequest, error: string): EmuResponse {
  const params: [string, string][] = [["error", error]];
  if (request.state !== undefined) params.push(["state", request.state]);
  return redirectResponse(withQuery(request.redirectUri, params));
}

function withQuery(uri: string, params: [string, string][]): string {
  const query = new URLSearchParams(params).toString();
  return `${uri}${uri.includes("?") ? "&" : "?"}${query}`;
}

function expiredFlow(): EmuResponse {
  return errorPage(400, "invalid_request", "This sign-in attempt has expired or was already used. Go back to the app and start again.");
}
