// Gmail push notifications through Cloud Pub/Sub. Google calls it, not a browser: no session, no same-origin
// rule; the OIDC token in Authorization is the only credential (lib/google/push). Pub/Sub treats 102, 200,
// 201, 202 and 204 as delivered and anything else as "deliver again".
import { receivePush } from "@/lib/google/push/receive-push";
import { errorJson } from "@/lib/http/error-json";
import { errorResponse } from "@/lib/http/route-handler";

const REFUSAL_CODES = { 401: "unauthenticated", 403: "forbidden", 503: "upstream_unavailable" } as const;

export async function POST(request: Request): Promise<Response> {
  try {
    const outcome = await receivePush(request);
    if (outcome.kind === "off") return errorJson(404, "not_found", "There is no such API endpoint.");
    if (outcome.kind === "refused") {
      const { status, reason } = outcome.refusal;
      return errorJson(status, REFUSAL_CODES[status], reason);
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
