// Gmail push notifications through Cloud Pub/Sub (wire addendum §5a). Google calls it, not a browser: no
// session, no same-origin rule; the OIDC token in Authorization is the only credential (lib/google/push).
import { receivePush } from "@/lib/google/push/receive-push";
import { errorResponse } from "@/lib/http/route-handler";

export async function POST(request: Request): Promise<Response> {
  try {
    return await receivePush(request);
  } catch (error) {
    return errorResponse(error, request);
  }
}
