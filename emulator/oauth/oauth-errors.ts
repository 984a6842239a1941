import type { EmuResponse } from "../http/types";

export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

/** The headers Google puts on every token endpoint answer. */
export const TOKEN_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-cache, no-store, max-age=0, must-revalidate",
  pragma: "no-cache",
};

/** OAuth-style error body used by /token, /revoke and /tokeninfo. */
export function oauthError(status: number, error: string, description: string): EmuResponse {
  const body: OAuthErrorBody = { error, error_description: description };
  return { status, headers: { ...TOKEN_HEADERS }, body: JSON.stringify(body, null, 2) };
}

/** What an injected fault answers on the OAuth JSON endpoints. */
export function oauthErrorForStatus(status: number): EmuResponse {
  if (status === 400) return oauthError(400, "invalid_request", "Bad Request");
  if (status === 401) return oauthError(401, "invalid_client", "Unauthorized");
  if (status === 403) return oauthError(403, "access_denied", "Forbidden");
  if (status === 429) return oauthError(429, "rate_limit_exceeded", "Rate Limit Exceeded");
  if (status >= 500) return oauthError(status, "internal_failure", "Backend Error");
  return oauthError(status, "invalid_request", "Bad Request");
}
