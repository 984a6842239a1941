import { z } from "zod";
import { getMessage } from "@/lib/gmail/get-message";
import { messageId } from "@/lib/gmail/message-params";
import { withUser } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: z.object({}).strict(), params: z.object({ id: messageId }) }, async ({ user, params }) => {
  const message = await getMessage({ userId: user.id, id: params.id });
  const { blockedRemoteImages: _blocked, unread: _unread, starred: _starred, ...contract } = message;
  return contract;
});
