import { createHash, timingSafeEqual } from "node:crypto";
import { readParams } from "../http/params";
import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse } from "../http/types";
import type { EmulatorState } from "../state";
import type { Account } from "../users";
import { authenticateClient } from "./client-auth";
import type { OAuthClient } from "./clients";
import { buildIdToken } from "./id-token";
import { oauthError, TOKEN_HEADERS } from "./oauth-errors";
import { SCOPE_OPENID } from "./scopes";
import { ACCESS_TOKEN_SECONDS } from "./token-store";

/** POST /token: authorization_code (with PKCE) and refresh_token grants, Google's fields and errors only. */
export function registerTokenRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", "/token", (req) => tokenEndpoint(state, req));
}

async function tokenEndpoint(state: EmulatorState, req: EmuRequest): Promise<EmuResponse> {
  const params = readParams(req);
  const client = authenticateClient(req, params, state.clients);
  if (!("clientId" in client)) return client;
  const grantType = params.get("grant_type");
  if (!grantType) return oauthError(400, "invalid_request", "Missing required parameter: grant_type");
  if (grantType === "authorization_code") return exchangeCode(state, req, params, client);
  if (grantType === "refresh_token") return refreshGrant(state, req, params, client);
  return oauthError(400, "unsupported_grant_type", `Invalid grant_type: ${grantType}`);
}

async function exchangeCode(state: EmulatorState, req: EmuRequest, params: Map<string, string>, client: OAuthClient): Promise<EmuResponse> {
  const code = params.get("code");
  if (!code) return oauthError(400, "invalid_request", "Missing required parameter: code");
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri) return oauthError(400, "invalid_request", "Missing required parameter: redirect_uri");
  const record = state.tokens.code(code);
  if (!record) return oauthError(400, "invalid_grant", code.startsWith("4/") ? "Bad Request" : "Malformed auth code.");
  if (record.used || record.expiresAt <= Date.now() || record.clientId !== client.clientId) {
    return oauthError(400, "invalid_grant", "Bad Request");
  }
  if (redirectUri !== record.redirectUri) return oauthError(400, "redirect_uri_mismatch", "Bad Request");
  if (record.codeChallenge !== undefined) {
    const verifier = params.get("code_verifier");
    if (!verifier) return oauthError(400, "invalid_grant", "Missing code verifier.");
    const expected = record.codeChallengeMethod === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
    if (!sameString(expected, record.codeChallenge)) return oauthError(400, "invalid_grant", "Invalid code verifier.");
  }
  const account = state.users.find(record.email);
  if (!account) return oauthError(400, "invalid_grant", "Bad Request");
  record.used = true;
  const access = state.tokens.issueAccessToken(account.email, client.clientId, record.scopes, record.accessType);
  const refresh = record.issueRefreshToken ? state.tokens.issueRefreshToken(account.email, client.clientId, record.scopes) : undefined;
  state.log.countGrant("authorization_code");
  return tokenResponse(state, req, {
    client,
    account,
    scopes: record.scopes,
    accessToken: access.token,
    refreshToken: refresh?.token,
    nonce: record.nonce,
  });
}

async function refreshGrant(state: EmulatorState, req: EmuRequest, params: Map<string, string>, client: OAuthClient): Promise<EmuResponse> {
  const token = params.get("refresh_token");
  if (!token) return oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
  const record = state.tokens.refreshToken(token);
  if (!record && !token.startsWith("1//")) return oauthError(400, "invalid_grant", "Bad Request");
  // An unknown well-formed token is what a client holding a token from before a reset sees: treat it as revoked.
  if (!record || record.revoked) return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
  if (record.clientId !== client.clientId) return oauthError(400, "unauthorized_client", "Unauthorized");
  const account = state.users.find(record.email);
  if (!account) return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
  const access = state.tokens.issueAccessToken(account.email, client.clientId, record.scopes, "offline");
  state.log.countGrant("refresh_token");
  return tokenResponse(state, req, {
    client,
    account,
    scopes: record.scopes,
    accessToken: access.token,
    refreshToken: undefined,
    nonce: undefined,
  });
}

interface TokenResponseInput {
  client: OAuthClient;
  account: Account;
  scopes: string[];
  accessToken: string;
  refreshToken: string | undefined;
  nonce: string | undefined;
}

/** Exactly Google's fields, in Google's order; next-auth spreads them into the Account row. */
async function tokenResponse(state: EmulatorState, req: EmuRequest, input: TokenResponseInput): Promise<EmuResponse> {
  const body: Record<string, unknown> = { access_token: input.accessToken, expires_in: ACCESS_TOKEN_SECONDS };
  if (input.refreshToken !== undefined) body.refresh_token = input.refreshToken;
  body.scope = input.scopes.join(" ");
  body.token_type = "Bearer";
  if (input.scopes.includes(SCOPE_OPENID)) {
    const keys = await state.keys;
    body.id_token = buildIdToken(keys, {
      clientId: input.client.clientId,
      account: input.account,
      scopes: input.scopes,
      accessToken: input.accessToken,
      origin: req.origin,
      ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
    });
  }
  return { status: 200, headers: { ...TOKEN_HEADERS }, body: JSON.stringify(body, null, 2) };
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
