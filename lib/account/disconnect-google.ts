import "server-only";
// "Disconnect": stop the account's Gmail push, revoke Mailroom's grant at Google, then forget its tokens. The
// user, their sessions, the other accounts and this account's link stay, so reconnecting later is one consent
// away; but until it is reconnected from a signed-in session the account signs nobody in (disconnectedAt).
import type { Account } from "@/generated/prisma/client";
import { type AccountSelector, resolveAccount } from "../accounts/linked-accounts";
import { logError } from "../log";
import { revokeGrant } from "../tokens/google-token-endpoint";
import { clearTokens, openToken } from "../tokens/token-store";
import { forgetAccountPages } from "../sync/page-cache-list";
import { stopMailboxWatch } from "../sync/mailbox-watch";

export async function disconnectGoogle(selector: AccountSelector): Promise<void> {
  const account = await resolveAccount(selector);
  await revokeAccountAccess(account);
  await clearTokens(account.id);
  forgetAccountPages(account.id);
}

/** Stops the account's watch and revokes its grant at Google (Disconnect and Remove account both do). */
export async function revokeAccountAccess(account: Account): Promise<void> {
  await stopMailboxWatch(account);
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
}
