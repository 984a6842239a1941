import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { sameOriginPath } from "@/lib/auth/return-path";
import { getConfig } from "@/lib/config";
import { withUserJsonPost } from "@/lib/http/json-post";
import { sendRequestSchema } from "@/lib/http/send-request";
import { limitActions } from "@/lib/limits/request-rates";
import { scheduleSend } from "@/lib/send/schedule-send";

export const dynamic = "force-dynamic";

// POST /api/send { account?, draftId, sendAt? } → { scheduled: { id, draftId, sendAt, undoUntil } }: the draft
// leaves when the undo window ends (DELETE /api/scheduled/{id} stops it), or at sendAt.
export const POST = withUserJsonPost(sendRequestSchema, async ({ user, body, request }) => {
  limitActions(user.id);
  const scheduled = await scheduleSend({
    account: await resolveAccount({ userId: user.id, account: body.account }),
    draftId: body.draftId,
    sendAt: body.sendAt,
    returnTo: sameOriginPath(request.headers.get("referer"), getConfig().auth.url),
  });
  return { scheduled };
});

function methodNotAllowed(): Response {
  return Response.json(
    { error: { code: "method_not_allowed", message: "Use POST with a JSON body." } },
    { status: 405, headers: { Allow: "POST", "Cache-Control": "private, no-store" } },
  );
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
