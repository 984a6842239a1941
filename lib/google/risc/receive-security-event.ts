import "server-only";
// The receiver's one job, shared by the route and its tests: a security event token verified and its effect
// stored (POST /api/google/risc answers 202 once this returns, a replay included).
// The body is read as text whatever its Content-Type: Google documents none (FxA sees
// application/secevent+jwt), and the signature, not a header, decides whether the token is genuine. So a
// genuine SET sent as application/json is accepted, and a forged one is refused whatever its type.
import { applySecurityEvent } from "./apply-security-event";
import { verifySecurityEventToken } from "./verify-security-event";

export async function receiveSecurityEvent(body: string): Promise<void> {
  const set = await verifySecurityEventToken(body);
  await applySecurityEvent(set);
}
