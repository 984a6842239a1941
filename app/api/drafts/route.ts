import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { sameOriginPath } from "@/lib/auth/return-path";
import { currentWriter } from "@/lib/compose/writer";
import { getConfig } from "@/lib/config";
import { createDraftFor, listDraftSummaries } from "@/lib/drafts";
import { accountQuery, createDraftSchema, noParams } from "@/lib/http/draft-request";
import { withUserJsonPost } from "@/lib/http/json-post";
import { withLinkedAccount } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

// GET /api/drafts?account= → { drafts: [{ id, messageId, threadId, to, subject, snippet, updated }] }
export const GET = withLinkedAccount({ query: accountQuery, params: noParams }, async ({ account }) => ({
  drafts: await listDraftSummaries(account),
}));

// POST /api/drafts { account?, to, cc?, bcc?, subject, html, from?, inReplyTo?: { messageId, mode }, attachments?: [uploadId] }
// → { id, messageId, threadId, version, attachments: [{ uploadId, filename, size, mimeType }] } (a forward's
// attachments are copied from the original and listed here, to be listed again in the next PUT).
export const POST = withUserJsonPost(createDraftSchema, async ({ user, body, request }) => {
  const { account: email, ...fields } = body;
  return createDraftFor(
    {
      userId: user.id,
      account: await resolveAccount({ userId: user.id, account: email }),
      returnTo: sameOriginPath(request.headers.get("referer"), getConfig().auth.url),
      writer: await currentWriter(),
    },
    fields,
  );
});
