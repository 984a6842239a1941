// Creates a Mailroom user whose Google account went through the real consent flow at the emulator, stored
// the way a sign-in stores it.
import { getDb } from "@/lib/db";
import { saveSignInTokens } from "@/lib/tokens/token-store";
import { authorizeThroughEmulator, subjectOf, type GoogleTokenResponse } from "./emulator-client";

export type LinkedAccount = { userId: string; accountId: string; providerAccountId: string; tokens: GoogleTokenResponse };

export function signInTokensFrom(userId: string, tokens: GoogleTokenResponse) {
  return {
    userId,
    providerAccountId: subjectOf(tokens.id_token!),
    type: "oauth",
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    id_token: tokens.id_token,
    expires_at: Math.floor(Date.now() / 1000) + tokens.expires_in,
    token_type: tokens.token_type,
    scope: tokens.scope,
  };
}

export async function createLinkedAccount(
  emulatorUrl: string,
  email: string,
  options: Parameters<typeof authorizeThroughEmulator>[2] = {},
): Promise<LinkedAccount> {
  const tokens = await authorizeThroughEmulator(emulatorUrl, email, options);
  const user = await getDb().user.upsert({ where: { email }, create: { email, name: email }, update: {} });
  const account = await saveSignInTokens(signInTokensFrom(user.id, tokens));
  return { userId: user.id, accountId: account.id, providerAccountId: account.providerAccountId, tokens };
}

/** Makes Mailroom believe the stored access token expires in `seconds` (negative: already expired). */
export async function setStoredExpiry(accountId: string, seconds: number): Promise<void> {
  await getDb().account.update({ where: { id: accountId }, data: { expires_at: Math.floor(Date.now() / 1000) + seconds } });
}

/** The Account row as stored now, as a request would load it. */
export function storedAccount(accountId: string) {
  return getDb().account.findUniqueOrThrow({ where: { id: accountId } });
}
