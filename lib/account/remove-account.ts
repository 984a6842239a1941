import "server-only";
// "Remove account": unlink one Google account from its Mailroom user. Its Gmail watch stops and its grant is
// revoked at Google while the tokens still work, then, in one transaction, the sessions it signed in end and
// its row (tokens, watch record) goes. Removing the user's last account deletes the Mailroom user, as removing
// the last account from a mail app leaves it empty: every session ends, and the mail stays at Google.
import { type AccountSelector, resolveAccount } from "../accounts/linked-accounts";
import { getDb } from "../db";
import { forgetAccountPages } from "../sync/page-cache-list";
import { revokeAccountAccess } from "./disconnect-google";

export type RemoveOutcome = "removed" | "user-deleted";

export async function removeAccount(selector: AccountSelector & { account: string }): Promise<RemoveOutcome> {
  // Resolved against the user's own accounts: another user's address is refused before anything happens.
  const account = await resolveAccount(selector);
  await revokeAccountAccess(account);
  const outcome = await getDb().$transaction(async (tx): Promise<RemoveOutcome> => {
    await tx.session.deleteMany({ where: { accountId: account.id } });
    await tx.account.deleteMany({ where: { id: account.id } });
    if ((await tx.account.count({ where: { userId: account.userId } })) > 0) return "removed";
    await tx.user.deleteMany({ where: { id: account.userId } });
    return "user-deleted";
  });
  forgetAccountPages(account.id);
  return outcome;
}
