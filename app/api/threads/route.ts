import { z } from "zod";
import { listAllAccountsThreads } from "@/lib/gmail/list-all-accounts-threads";
import { listThreads } from "@/lib/gmail/list-threads";
import { DEFAULT_PAGE_SIZE, listQuerySchema } from "@/lib/gmail/message-params";
import { withUser } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: listQuerySchema, params: z.unknown() }, ({ user, query }) => {
  const common = {
    userId: user.id,
    label: query.label ?? "INBOX",
    q: query.q,
    pageToken: query.pageToken,
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
  };
  // account=all merges every linked account's conversations newest first (its page token is its own, signed).
  if (query.account === "all") return listAllAccountsThreads(common);
  return listThreads({ ...common, account: query.account });
});
