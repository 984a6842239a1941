import "server-only";
// Small HMAC-signed payloads that make a round trip through the browser (a cookie, a URL) and must come back
// unchanged. The key is derived from NEXTAUTH_SECRET and the payload's purpose, so a value signed for one use
// (a sign-in intent) is never accepted for another (a notice), and rotating the secret voids them all.
import { createHmac, timingSafeEqual } from "node:crypto";

function keyFor(secret: string, purpose: string): Buffer {
  return createHmac("sha256", secret).update(`mailroom:${purpose}`).digest();
}

function mac(secret: string, purpose: string, body: string): Buffer {
  return createHmac("sha256", keyFor(secret, purpose)).update(body).digest();
}

export function signPayload(secret: string, purpose: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, purpose, body).toString("base64url")}`;
}

/** The payload if the signature is ours for this purpose; null for anything else (tampered, foreign, malformed). */
export function verifyPayload(secret: string, purpose: string, value: string | undefined | null): unknown {
  if (!value || value.length > 4096) return null;
  const [body, signature, extra] = value.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = mac(secret, purpose, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
  } catch {
    return null;
  }
}
