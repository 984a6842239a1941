import { readBearerToken, readParams } from "../http/params";
import { jsonResponse, textResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse } from "../http/types";
import { invalidCredentials, missingCredentials } from "../gmail/errors";
import type { EmulatorState } from "../state";
import type { Account } from "../users";
import { ISSUER, pictureUrl, profileClaims } from "./id-token";
import { verifyJwt } from "./jwt";
import { oauthError } from "./oauth-errors";
import { SCOPE_EMAIL, SCOPE_PROFILE } from "./scopes";
import type { AccessTokenRecord } from "./token-store";

/** Userinfo (OIDC and v2), tokeninfo, and the avatar image the `picture` claim points at. */
export function registerUserinfoRoutes(router: Router, state: EmulatorState): void {
  const oidc = (req: EmuRequest) => oidcUserinfo(state, req);
  router.add("GET", "/v1/userinfo", oidc);
  router.add("POST", "/v1/userinfo", oidc);
  router.add("GET", "/oauth2/v3/userinfo", oidc);
  router.add("GET", "/oauth2/v2/userinfo", (req) => v2Userinfo(state, req));
  router.add("GET", "/tokeninfo", (req) => tokeninfo(state, req));
  router.add("POST", "/tokeninfo", (req) => tokeninfo(state, req));
  router.add("GET", "/a/:picture*", (_req, params) => avatar(state, params.picture ?? ""));
}

function authenticate(state: EmulatorState, req: EmuRequest): { record: AccessTokenRecord; account: Account } | undefined {
  const token = readBearerToken(req);
  const record = token ? state.tokens.validAccessToken(token) : undefined;
  const account = record ? state.users.find(record.email) : undefined;
  return record && account ? { record, account } : undefined;
}

/** openidconnect.googleapis.com answers auth failures in OAuth style, with WWW-Authenticate. */
function oidcUserinfo(state: EmulatorState, req: EmuRequest): EmuResponse {
  const auth = authenticate(state, req);
  if (!auth) {
    const failure = oauthError(401, "invalid_request", "Invalid Credentials");
    failure.headers["www-authenticate"] = 'Bearer realm="https://accounts.google.com/", error="invalid_token"';
    return failure;
  }
  const { account, record } = auth;
  const body: Record<string, unknown> = { sub: account.sub };
  if (record.scopes.includes(SCOPE_PROFILE)) Object.assign(body, profileClaims(account, req.origin));
  if (record.scopes.includes(SCOPE_EMAIL)) Object.assign(body, { email: account.email, email_verified: true });
  return jsonResponse(200, body);
}

/** www.googleapis.com/oauth2/v2/userinfo uses the googleapis error envelope. */
function v2Userinfo(state: EmulatorState, req: EmuRequest): EmuResponse {
  if (readBearerToken(req) === undefined) return missingCredentials();
  const auth = authenticate(state, req);
  if (!auth) return invalidCredentials();
  const { account, record } = auth;
  const body: Record<string, unknown> = { id: account.sub };
  if (record.scopes.includes(SCOPE_EMAIL)) Object.assign(body, { email: account.email, verified_email: true });
  if (record.scopes.includes(SCOPE_PROFILE)) {
    Object.assign(body, { name: account.name, given_name: account.givenName });
    if (account.familyName !== undefined) body.family_name = account.familyName;
    body.picture = pictureUrl(account, req.origin);
  }
  return jsonResponse(200, body);
}

/** Every value is a string, as Google sends it; email fields only with the email scope. */
async function tokeninfo(state: EmulatorState, req: EmuRequest): Promise<EmuResponse> {
  const params = readParams(req);
  const idToken = params.get("id_token");
  if (idToken !== undefined) return idTokenInfo(state, idToken);
  const token = params.get("access_token") ?? readBearerToken(req);
  const record = token ? state.tokens.validAccessToken(token) : undefined;
  const account = record ? state.users.find(record.email) : undefined;
  if (!record || !account) return oauthError(400, "invalid_token", "Invalid Value");
  const now = Date.now();
  const body: Record<string, string> = { azp: record.clientId, aud: record.clientId, sub: account.sub, scope: record.scopes.join(" ") };
  body.exp = String(Math.floor(record.expiresAt / 1000));
  body.expires_in = String(Math.max(0, Math.floor((record.expiresAt - now) / 1000)));
  if (record.scopes.includes(SCOPE_EMAIL)) Object.assign(body, { email: account.email, email_verified: "true" });
  body.access_type = record.accessType;
  return jsonResponse(200, body);
}

async function idTokenInfo(state: EmulatorState, idToken: string): Promise<EmuResponse> {
  const verified = verifyJwt(await state.keys, idToken);
  const exp = verified?.claims.exp;
  if (!verified || verified.claims.iss !== ISSUER || typeof exp !== "number" || exp * 1000 <= Date.now()) {
    return oauthError(400, "invalid_token", "Invalid Value");
  }
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(verified.claims)) body[key] = typeof value === "string" ? value : JSON.stringify(value);
  for (const key of ["alg", "kid", "typ"]) {
    const value = verified.header[key];
    if (typeof value === "string") body[key] = value;
  }
  return jsonResponse(200, body);
}

/** A small SVG with the user's initials, so `picture` works offline. */
function avatar(state: EmulatorState, picture: string): EmuResponse {
  const sub = picture.split("=")[0] ?? "";
  const account = state.users.list().find((a) => a.sub === sub);
  const initials = (account?.name ?? "?")
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" rx="48" fill="#0b57d0"/><text x="48" y="60" font-family="sans-serif" font-size="36" text-anchor="middle" fill="#fff">${initials.replace(/[<&>"]/g, "")}</text></svg>`;
  return textResponse(200, svg, "image/svg+xml");
}
