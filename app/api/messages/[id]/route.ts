import { z } from "zod";
import { getMessage } from "@/lib/mail/get-message";
import { messageContract } from "@/lib/http/message-contract";
import { messageId, oneAccountQuery } from "@/lib/http/mail-query";
import { withLinkedAccount } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withLinkedAccount({ query: oneAccountQuery, params: z.object({ id: messageId }) }, async ({ account, params }) =>
  messageContract(await getMessage({ account, id: params.id })),
);
