// Test helpers that talk to the emulator over HTTP the way Google's clients do: no shortcuts into its store.
import { control, obtainTokens, type TokenResponse } from "../../emulator/testing/control-client";

export { control };
export type { TokenResponse as GoogleTokenResponse };

export type EmulatorStats = {
  endpoints: Record<string, number>;
  grants: { authorization_code?: number; refresh_token?: number };
  peakConcurrent: number;
};

export function stats(emulatorUrl: string): Promise<EmulatorStats> {
  return control<EmulatorStats>(emulatorUrl, "GET", "stats");
}

/**
 * Runs Google's authorization-code flow against the emulator as the dev client, consent answered by its
 * automation (switched off again afterwards, so a later browser sign-in sees the real screens), and returns
 * the token endpoint's answer.
 */
export async function authorizeThroughEmulator(
  emulatorUrl: string,
  email: string,
  options: { grantScopes?: string[]; prompt?: string; accessType?: "offline" | "online" } = {},
): Promise<TokenResponse> {
  try {
    return await obtainTokens(emulatorUrl, { email, ...options });
  } finally {
    await control(emulatorUrl, "POST", "consent", { autoApprove: false });
  }
}

/** The `sub` claim of an id_token (no verification: the emulator's own tests verify signatures). */
export function subjectOf(idToken: string): string {
  const payload = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")) as { sub?: string };
  if (!payload.sub) throw new Error("id_token has no sub");
  return payload.sub;
}
