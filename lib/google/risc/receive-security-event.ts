import "server-only";
// The receiver's one job, shared by the route and its tests: raw body in, verified and applied, 202 out.
// The body is read as text whatever its Content-Type: Google documents none (FxA sees
// application/secevent+jwt), and the signature, not a header, decides whether the token is genuine. So a
// genuine SET sent as application/json is accepted, and a forged one is refused whatever its type.
import { applySecurityEvent } from "./apply-security-event";
import { verifySecurityEventToken } from "./verify-security-event";

export async function receiveSecurityEvent(request: Request): Promise<Response> {
  const set = await verifySecurityEventToken(await request.text());
  await applySecurityEvent(set);
  // "If the token is valid and was successfully decoded, return HTTP status 202" — a replay included.
  return new Response(null, { status: 202, headers: { "Cache-Control": "no-store" } });
}
