// Google's Cross-Account Protection receiver. Google calls it, not a browser: no session, no same-origin
// rule. A token that fails verification → 400 in the envelope, nothing changed; a verified one → 202 after
// its effect is stored (lib/google/risc).
import { receiveSecurityEvent } from "@/lib/google/risc/receive-security-event";
import { errorResponse } from "@/lib/http/route-handler";

export async function POST(request: Request): Promise<Response> {
  try {
    await receiveSecurityEvent(await request.text());
    // Google's RISC guide: "If the token is valid and was successfully decoded, return HTTP status 202".
    return new Response(null, { status: 202, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
