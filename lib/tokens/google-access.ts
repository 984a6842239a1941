import "server-only";
// Runs a Google API call with the account's access token, recovering once from a 401 on a token we believed
// valid. A second 401 right after a fresh token means the grant is gone.
import { ReauthRequiredError } from "../errors";
import { getAccessToken, getAccessTokenAfterRejection } from "./access-token";
import { markReauthRequired } from "./token-store";

export async function withGoogleAccess<T>(
  accountId: string,
  call: (accessToken: string) => Promise<T>,
  isUnauthorized: (error: unknown) => boolean,
): Promise<T> {
  const token = await getAccessToken(accountId);
  try {
    return await call(token);
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
  }
  const fresh = await getAccessTokenAfterRejection(accountId, token);
  try {
    return await call(fresh);
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    await markReauthRequired(accountId, "revoked");
    throw new ReauthRequiredError("revoked", { cause: error });
  }
}
