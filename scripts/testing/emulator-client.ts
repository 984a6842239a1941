// Test helpers that talk to the emulator over HTTP the way Google's clients do: no shortcuts into its store.
import { createHash, randomBytes } from "node:crypto";
import { control } from "../../emulator/testing/control-client";

export { control };

export const EMULATOR_CLIENT_ID = "mailroom-dev.apps.googleusercontent.com";
export const EMULATOR_CLIENT_SECRET = "mailroom-dev-secret";
export const TEST_REDIRECT_URI = "http://localhost:3000/api/auth/callback/google";
export const FULL_SCOPES = "openid email profile https://www.googleapis.com/auth/gmail.readonly";

export type { TokenResponse as GoogleTokenResponse } from "../../emulator/testing/control-client";
import type { TokenResponse as GoogleTokenResponse } from "../../emulator/testing/control-client";


export type EmulatorStats = { endpoints: Record<string, number>; grants: { authorization_code?: number; refresh_token?: number }; peakConcurrent: number };

export function stats(emulatorUrl: string): Promise<EmulatorStats> {
  return control<EmulatorStats>(emulatorUrl, "GET", "stats");
}

/**
 * Runs Google's authorization-code flow with PKCE against the emulator, consent answered by its automation,
 * and returns the token endpoint's answer.
 */
export async function authorizeThroughEmulator(
  emulatorUrl: string,
  email: string,
  options: { grantScopes?: string[]; prompt?: string; accessType?: "offline" | "online" } = {},
): Promise<GoogleTokenResponse> {
  await control(emulatorUrl, "POST", "consent", { email, autoApprove: true, ...(options.grantScopes ? { grantScopes: options.grantScopes } : {}) });
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(8).toString("hex");
  const query = new URLSearchParams({
    client_id: EMULATOR_CLIENT_ID,
    redirect_uri: TEST_REDIRECT_URI,
    response_type: "code",
    scope: FULL_SCOPES,
    access_type: options.accessType ?? "offline",
    prompt: options.prompt ?? "consent",
    state,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  const authorization = await fetch(`${emulatorUrl}/o/oauth2/v2/auth?${query}`, { redirect: "manual" });
  const location = authorization.headers.get("location");
  if (authorization.status !== 302 || !location) throw new Error(`authorization did not redirect (${authorization.status})`);
  const code = new URL(location).searchParams.get("code");
  if (!code) throw new Error(`authorization redirect carried no code: ${new URL(location).search}`);
  await control(emulatorUrl, "POST", "consent", { autoApprove: false });

  const token = await fetch(`${emulatorUrl}/token`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${Buffer.from(`${EMULATOR_CLIENT_ID}:${EMULATOR_CLIENT_SECRET}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: TEST_REDIRECT_URI, code_verifier: verifier }),
  });
  if (!token.ok) throw new Error(`token exchange failed (${token.status}): ${await token.text()}`);
  return (await token.json()) as GoogleTokenResponse;
}

/** The `sub` claim of an id_token (no verification: the emulator's own tests verify signatures). */
export function subjectOf(idToken: string): string {
  const payload = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")) as { sub?: string };
  if (!payload.sub) throw new Error("id_token has no sub");
  return payload.sub;
}
