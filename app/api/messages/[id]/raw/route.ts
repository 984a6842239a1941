import { z } from "zod";
import { getRawMessage } from "@/lib/gmail/get-raw-message";
import { messageId, oneAccountQuery } from "@/lib/http/mail-query";
import { attachmentHeaders } from "@/lib/http/attachment-headers";
import { withLinkedAccount } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withLinkedAccount({ query: oneAccountQuery, params: z.object({ id: messageId }) }, async ({ account, params }) => {
  const file = await getRawMessage({ account, id: params.id });
  return new Response(file.body, { headers: attachmentHeaders(file) });
});
