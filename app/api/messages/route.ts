import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DEFAULT_PAGE_SIZE, listQuerySchema } from "@/lib/gmail/message-params";
import { listMessages } from "@/lib/gmail/list-messages";
import { withUser } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: listQuerySchema, params: z.unknown() }, ({ user, query }) => {
  // account=all is the All accounts view's (lib/gmail/list-all-accounts.ts), wired here at merge.
  if (query.account === "all") throw new AppError("bad_request", "Invalid request: account=all is not available here yet.");
  return listMessages({
    userId: user.id,
    account: query.account,
    label: query.label ?? "INBOX",
    q: query.q,
    pageToken: query.pageToken,
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
  });
});
