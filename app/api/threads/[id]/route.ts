import { z } from "zod";
import { getThread } from "@/lib/mail/get-thread";
import { messageContract } from "@/lib/http/message-contract";
import { oneAccountQuery, threadId } from "@/lib/http/mail-query";
import { withLinkedAccount } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withLinkedAccount({ query: oneAccountQuery, params: z.object({ id: threadId }) }, async ({ account, params }) => {
  const thread = await getThread({ account, id: params.id });
  return { id: thread.id, subject: thread.subject, labelIds: thread.labelIds, messages: thread.messages.map(messageContract) };
});
