import "server-only";
// "Disconnect": revoke Mailroom's grant at Google for one linked account, then forget its tokens. The user,
// their sessions, the other accounts and this account's link stay, so reconnecting later is one consent away.
import { type AccountSelector, resolveAccount } from "../accounts/linked-accounts";
import { logError } from "../log";
import { revokeGrant } from "../tokens/google-token-endpoint";
import { clearTokens, openToken } from "../tokens/token-store";
import { forgetAccountPages } from "../sync/page-cache-list";

export async function disconnectGoogle(selector: AccountSelector): Promise<void> {
  const account = await resolveAccount(selector);
  const stored = account.refresh_token ?? account.access_token;
  if (stored) {
    try {
      // Revoking the refresh token ends the whole grant, access tokens included.
      await revokeGrant(openToken(account, account.refresh_token ? "refresh_token" : "access_token", stored));
    } catch (error) {
      // The user asked to cut the link: forget the tokens even if Google could not be told right now.
      logError("account.revoke_failed", error, { accountId: account.id });
    }
  }
  await clearTokens(account.id);
  forgetAccountPages(account.id);
}
