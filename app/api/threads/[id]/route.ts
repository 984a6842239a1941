import { z } from "zod";
import { getThread } from "@/lib/mail/get-thread";
import { messageContract } from "@/lib/http/message-contract";
import { oneAccountQuery, threadId } from "@/lib/http/mail-query";
import { withUser } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: oneAccountQuery, params: z.object({ id: threadId }) }, async ({ user, query, params }) => {
  const thread = await getThread({ userId: user.id, account: query.account, id: params.id });
  return { id: thread.id, subject: thread.subject, labelIds: thread.labelIds, messages: thread.messages.map(messageContract) };
});
