import { z } from "zod";
import { listLinkedAccounts, resolveAccount } from "@/lib/accounts/linked-accounts";
import { scheduledQuery } from "@/lib/http/send-request";
import { withUser } from "@/lib/http/route-handler";
import { listScheduledSends } from "@/lib/send/scheduled-sends";

export const dynamic = "force-dynamic";

// GET /api/scheduled?account= → { scheduled: [{ id, draftId, sendAt, undoUntil, state, reason?, to?, subject?, account }] }:
// sends waiting (or under way) and those that failed for good, with why.
export const GET = withUser({ query: scheduledQuery, params: z.unknown() }, async ({ user, query }) => {
  const accounts = await listLinkedAccounts(user.id);
  const only = query.account === "all" ? undefined : await resolveAccount({ userId: user.id, account: query.account });
  const rows = await listScheduledSends({ userId: user.id, ...(only ? { accountId: only.id } : {}) });
  const emailOf = new Map(accounts.map((account) => [account.id, account.email]));
  return { scheduled: rows.map(({ accountId, ...row }) => ({ ...row, account: emailOf.get(accountId) ?? null })) };
});
