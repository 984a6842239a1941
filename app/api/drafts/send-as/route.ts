import { listAccountSendAs } from "@/lib/drafts";
import { accountQuery, noParams } from "@/lib/http/draft-request";
import { withLinkedAccount } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

// GET /api/drafts/send-as?account= → { sendAs: [{ email, name, isDefault }] }: the addresses a draft of this
// account may be From (its own and its accepted aliases). It lives here, beside the drafts it serves.
export const GET = withLinkedAccount({ query: accountQuery, params: noParams }, async ({ account }) => ({
  sendAs: await listAccountSendAs(account),
}));
