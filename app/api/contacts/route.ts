import { suggestAccountContacts } from "@/lib/drafts";
import { contactsQuery, noParams } from "@/lib/http/draft-request";
import { withLinkedAccount } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

// GET /api/contacts?account=&q= → { contacts: [{ name, email }] }: people this account writes to (from its
// Sent mail), whose name or address contains q, most written to first, at most 20.
export const GET = withLinkedAccount({ query: contactsQuery, params: noParams }, async ({ account, query }) => ({
  contacts: await suggestAccountContacts(account, query.q ?? ""),
}));
