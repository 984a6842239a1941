import { z } from "zod";
import { getAttachment } from "@/lib/gmail/get-attachment";
import { attachmentId, messageId, oneAccountQuery } from "@/lib/http/mail-query";
import { attachmentHeaders } from "@/lib/http/attachment-headers";
import { withLinkedAccount } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withLinkedAccount(
  { query: oneAccountQuery, params: z.object({ id: messageId, attachmentId }) },
  async ({ account, params }) => {
    const file = await getAttachment({ account, messageId: params.id, attachmentId: params.attachmentId });
    return new Response(file.body, { headers: attachmentHeaders(file) });
  },
);
