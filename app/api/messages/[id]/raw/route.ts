import { z } from "zod";
import { getRawMessage } from "@/lib/gmail/get-raw-message";
import { messageId, oneAccountQuery } from "@/lib/http/mail-query";
import { attachmentHeaders } from "@/lib/http/attachment-headers";
import { withUser } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: oneAccountQuery, params: z.object({ id: messageId }) }, async ({ user, query, params }) => {
  const file = await getRawMessage({ userId: user.id, account: query.account, id: params.id });
  return new Response(file.body, { headers: attachmentHeaders(file) });
});
