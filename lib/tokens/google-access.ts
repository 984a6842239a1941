import "server-only";
// Runs a Google API call with the account's access token, recovering once from a 401 on a token we believed
// valid. A second 401 right after a fresh token means the grant is gone.
import type { Account } from "@/generated/prisma/client";
import { ReauthRequiredError } from "../errors";
import { withGmailQuotaOf } from "../limits/gmail-quota";
import { getAccessToken, getAccessTokenAfterRejection } from "./access-token";
import { markReauthRequired } from "./token-store";

export function withGoogleAccess<T>(
  account: Account,
  call: (accessToken: string) => Promise<T>,
  isUnauthorized: (error: unknown) => boolean,
): Promise<T> {
  // Every Gmail call made for this account, however deep, draws on its quota (lib/limits/gmail-quota.ts).
  return withGmailQuotaOf(account.id, () => callWithRecovery(account, call, isUnauthorized));
}

async function callWithRecovery<T>(
  account: Account,
  call: (accessToken: string) => Promise<T>,
  isUnauthorized: (error: unknown) => boolean,
): Promise<T> {
  const token = await getAccessToken(account);
  try {
    return await call(token);
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
  }
  const fresh = await getAccessTokenAfterRejection(account.id, token);
  try {
    return await call(fresh);
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    await markReauthRequired(account.id, "revoked");
    throw new ReauthRequiredError("revoked", { cause: error });
  }
}
