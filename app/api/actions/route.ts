import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { sameOriginPath } from "@/lib/auth/return-path";
import { getConfig } from "@/lib/config";
import { actionRequestSchema } from "@/lib/http/action-request";
import { applyMailAction } from "@/lib/mail/apply-mail-action";
import { withUserJsonPost } from "@/lib/http/json-post";
import { limitActions } from "@/lib/limits/request-rates";

export const dynamic = "force-dynamic";

// POST /api/actions { account?, action, threadIds? | messageIds?, labelId? } → { applied, failed }.
export const POST = withUserJsonPost(actionRequestSchema, async ({ user, body, request }) => {
  limitActions(user.id);
  return applyMailAction({
    ...body,
    account: await resolveAccount({ userId: user.id, account: body.account }),
    // The page the action came from: where Google should send the person back if permission must be asked.
    returnTo: sameOriginPath(request.headers.get("referer"), getConfig().auth.url),
  });
});

// Other methods get the contract's JSON envelope too, not an empty 405.
function methodNotAllowed(): Response {
  return Response.json(
    { error: { code: "method_not_allowed", message: "Use POST with a JSON body." } },
    { status: 405, headers: { Allow: "POST", "Cache-Control": "private, no-store" } },
  );
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
