// Google's Cross-Account Protection receiver (wire addendum §5b.2). Google calls it, not a browser: no
// session, no same-origin rule. A token that fails verification → 400 in the envelope, nothing changed;
// a verified one → 202 after its effect is stored (lib/google/risc).
import { receiveSecurityEvent } from "@/lib/google/risc/receive-security-event";
import { errorResponse } from "@/lib/http/route-handler";

export async function POST(request: Request): Promise<Response> {
  try {
    return await receiveSecurityEvent(request);
  } catch (error) {
    return errorResponse(error, request);
  }
}
