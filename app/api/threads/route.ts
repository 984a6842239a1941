import { z } from "zod";
import { listAllAccountsThreads } from "@/lib/mail/list-all-accounts-threads";
import { listQuerySchema, listRequestOf } from "@/lib/http/mail-query";
import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { withUser } from "@/lib/http/route-handler";
import { listThreadsCached } from "@/lib/sync/page-cache-list";
import { gmailLabelForView } from "@/lib/snooze/snoozed-view";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: listQuerySchema, params: z.unknown() }, async ({ user, query }) => {
  const common = listRequestOf(user.id, query);
  // account=all merges every linked account's conversations newest first (its page token is its own, signed).
  if (query.account === "all") return listAllAccountsThreads(common);
  // One account: revisits cost one history.list (lib/sync/page-cache-list.ts).
  const account = await resolveAccount({ userId: user.id, account: query.account });
  // Snoozed is Mailroom's own label at Gmail; an account that never snoozed has nothing there.
  const label = await gmailLabelForView(account, common.label);
  if (label === null) return { threads: [], resultSizeEstimate: 0 };
  return listThreadsCached({ ...common, label, account });
});
