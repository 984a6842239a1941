import { createHash, createHmac } from "node:crypto";

/**
 * Gmail message ids are 16 lower-case hex digits whose high bits are the receive time in milliseconds
 * (`18c1b586898…` ≈ Dec 2023). Deriving ours the same way makes id order equal date order, so the mailbox
 * can keep one array sorted by id and page with a keyset.
 */
export function messageIdFor(internalDate: number, salt: string): string {
  const low = createHash("sha256").update(salt).digest().readUInt32BE(0) & 0xfffff;
  const value = ((BigInt(Math.max(0, Math.trunc(internalDate))) << 20n) | BigInt(low)) & 0xffffffffffffffffn;
  return value.toString(16).padStart(16, "0");
}

/** The next id after `id` (used to resolve the rare collision). */
export function nextMessageId(id: string): string {
  return ((BigInt(`0x${id}`) + 1n) & 0xffffffffffffffffn).toString(16).padStart(16, "0");
}

export const MESSAGE_ID = /^[0-9a-f]{16}$/;

/** Gmail's attachment ids are long opaque strings starting `ANGjdJ`; ours are stable per message part. */
export function attachmentIdFor(messageId: string, partId: string): string {
  const digest = createHash("sha256").update(`${messageId}/${partId}`).digest("base64url");
  return `ANGjdJ${digest}${digest.slice(0, 40)}`;
}

/** A Google-looking user id (`sub`): 21 digits starting with 1, stable for an email address. */
export function subFor(email: string): string {
  const digest = createHash("sha256").update(email.toLowerCase()).digest();
  let digits = "1";
  for (let i = 0; digits.length < 21; i++) digits += String((digest[i % digest.length] ?? 0) % 10);
  return digits;
}

const PAGE_TOKEN_KEY = "mailroom-emulator-page-token";

/**
 * Page tokens look like Gmail's (decimal digits) and carry a keyset position plus a short MAC, so a forged
 * or mistyped token is refused with "Invalid pageToken" and tokens stay valid across requests (and restarts).
 */
export function encodePageToken(scope: string, position: bigint): string {
  return `${position.toString(10)}${pageTokenCheck(scope, position)}`;
}

export function decodePageToken(scope: string, token: string): bigint | undefined {
  if (!/^\d{5,40}$/.test(token)) return undefined;
  const position = BigInt(token.slice(0, -4));
  return pageTokenCheck(scope, position) === token.slice(-4) ? position : undefined;
}

function pageTokenCheck(scope: string, position: bigint): string {
  const mac = createHmac("sha256", PAGE_TOKEN_KEY).update(`${scope}:${position}`).digest();
  return String(mac.readUInt32BE(0) % 10000).padStart(4, "0");
}
