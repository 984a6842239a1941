import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { sameOriginPath } from "@/lib/auth/return-path";
import { getConfig } from "@/lib/config";
import { deleteDraftFor, getDraftDetail, updateDraftFor } from "@/lib/drafts";
import { accountQuery, draftParams, updateDraftSchema } from "@/lib/http/draft-request";
import { withLinkedAccount } from "@/lib/http/route-handler";
import { withUserBodilessChange, withUserJsonChange } from "@/lib/http/same-origin-change";

export const dynamic = "force-dynamic";

// GET /api/drafts/{id}?account= → { id, account, messageId, threadId, to, cc, bcc, from, subject, html, snippet,
// updated, attachments: [{ uploadId, filename, size, mimeType }], version }. `html` is what the person wrote
// (a reply's quoted original is kept by Mailroom and appended at each save).
export const GET = withLinkedAccount({ query: accountQuery, params: draftParams }, ({ user, account, params }) =>
  getDraftDetail({ userId: user.id, account, draftId: params.id }),
);

// PUT /api/drafts/{id} { account?, to, cc?, bcc?, subject, html, from?, attachments?, version }
// → { id, messageId, threadId, version, attachments }; 409 { error: { code: "draft_conflict", version } } when
// another window saved since `version`.
export const PUT = withUserJsonChange({ body: updateDraftSchema, params: draftParams }, async ({ user, body, params, request }) => {
  const { account: email, ...fields } = body;
  return updateDraftFor(
    {
      userId: user.id,
      account: await resolveAccount({ userId: user.id, account: email }),
      returnTo: sameOriginPath(request.headers.get("referer"), getConfig().auth.url),
    },
    params.id,
    fields,
  );
});

// DELETE /api/drafts/{id}?account= → { deleted: true }
export const DELETE = withUserBodilessChange(draftParams, ({ user, account, params }) =>
  deleteDraftFor({ userId: user.id, account, draftId: params.id }),
);
