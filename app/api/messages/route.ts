import { z } from "zod";
import { DEFAULT_PAGE_SIZE, listQuerySchema } from "@/lib/gmail/message-params";
import { listMessages } from "@/lib/gmail/list-messages";
import { withUser } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = withUser({ query: listQuerySchema, params: z.unknown() }, ({ user, query }) =>
  listMessages({ userId: user.id, label: query.label ?? "INBOX", q: query.q, pageToken: query.pageToken, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE }),
);
