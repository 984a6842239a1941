import { z } from "zod";
import { listQuerySchema, listRequestOf } from "@/lib/http/mail-query";
import { listAllAccountsMessages } from "@/lib/mail/list-all-accounts";
import { listMessages } from "@/lib/mail/list-messages";
import { withUser } from "@/lib/http/route-handler";
import { resolveAccount } from "@/lib/accounts/linked-accounts";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: listQuerySchema, params: z.unknown() }, async ({ user, query }) => {
  const common = listRequestOf(user.id, query);
  // account=all merges every linked account newest first (its page token is its own, signed).
  if (query.account === "all") return listAllAccountsMessages(common);
  return listMessages({ ...common, account: await resolveAccount({ userId: user.id, account: query.account }) });
});
