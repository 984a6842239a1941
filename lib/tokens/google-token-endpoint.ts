import "server-only";
// Talks to Google's token and revocation endpoints, and sorts their failures into what the app can act on:
// the grant is gone (re-authorize) or Google is having trouble (retry later, tokens untouched).
import { z } from "zod";
import { getConfig } from "../config";
import { AppError, ReauthRequiredError } from "../errors";
import { metrics } from "../metrics/registry";

const refreshResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
  id_token: z.string().optional(),
});
export type RefreshedToken = z.infer<typeof refreshResponse>;

const errorResponse = z.object({ error: z.string() });

/** Also bounds how long a crashed refresh can hold up the others (refresh-lock.ts). */
export const TIMEOUT_MS = 10_000;

function unavailable(cause: unknown): AppError {
  return new AppError("upstream_unavailable", "Google could not be reached to renew access. Please try again in a moment.", { cause });
}

/** Exchanges a refresh token for a new access token. Google never rotates the refresh token. */
export async function refreshAccessToken(refreshToken: string): Promise<RefreshedToken> {
  try {
    const refreshed = await exchangeRefreshToken(refreshToken);
    metrics().refreshGrants.inc({ outcome: "ok" });
    return refreshed;
  } catch (error) {
    metrics().refreshGrants.inc({ outcome: error instanceof ReauthRequiredError ? "invalid_grant" : "error" });
    throw error;
  }
}

async function exchangeRefreshToken(refreshToken: string): Promise<RefreshedToken> {
  const { google } = getConfig();
  let response: Response;
  try {
    response = await fetch(google.endpoints.token, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: google.clientId,
        client_secret: google.clientSecret,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable(error);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = refreshResponse.safeParse(body);
    if (parsed.success) return parsed.data;
    throw unavailable(new Error("token endpoint answered 200 without an access token"));
  }
  const error = errorResponse.safeParse(body).data?.error;
  // invalid_grant: revoked, expired, or the password changed. The refresh token will never work again.
  if (response.status === 400 && error === "invalid_grant") throw new ReauthRequiredError("revoked");
  if (error === "invalid_client" || error === "unauthorized_client") {
    throw new AppError("misconfigured", "Mailroom's Google client is misconfigured. Ask the administrator to check it.", {
      cause: new Error(`token endpoint: ${error}`),
    });
  }
  throw unavailable(new Error(`token endpoint answered ${response.status}`));
}

/** Revokes a grant at Google. An already-revoked token counts as done. */
export async function revokeGrant(token: string): Promise<void> {
  // In the body, not the URL: URLs end up in access logs and proxies, and this token is the whole grant.
  const response = await fetch(getConfig().google.endpoints.revoke, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw unavailable(error);
  });
  if (response.ok || response.status === 400) return;
  throw unavailable(new Error(`revoke endpoint answered ${response.status}`));
}
