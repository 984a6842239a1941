import { readParams } from "../http/params";
import { jsonResponse } from "../http/responses";
import type { Router } from "../http/router";
import type { EmulatorState } from "../state";
import { oauthError } from "./oauth-errors";

/**
 * POST /revoke?token=…: revoking either token of a grant ends the whole grant (Google's behaviour): the
 * refresh token then fails with invalid_grant, access tokens get 401, and the next sign-in asks for consent.
 */
export function registerRevokeRoutes(router: Router, state: EmulatorState): void {
  router.add("POST", "/revoke", (req) => {
    const token = readParams(req).get("token");
    if (!token) return oauthError(400, "invalid_request", "Missing required parameter: token");
    const record = state.tokens.accessToken(token) ?? state.tokens.refreshToken(token);
    if (!record || record.revoked) return oauthError(400, "invalid_token", "Token expired or revoked");
    state.tokens.revokeGrant(record.email, record.clientId);
    return jsonResponse(200, {});
  });
}
