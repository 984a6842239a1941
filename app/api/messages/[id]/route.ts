import { z } from "zod";
import { getMessage } from "@/lib/mail/get-message";
import { messageContract } from "@/lib/http/message-contract";
import { messageId, oneAccountQuery } from "@/lib/http/mail-query";
import { withUser } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: oneAccountQuery, params: z.object({ id: messageId }) }, async ({ user, query, params }) =>
  messageContract(await getMessage({ userId: user.id, account: query.account, id: params.id })),
);
