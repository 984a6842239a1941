/**
 * Byte ↔ text helpers. Raw messages are handled as "binary strings" (one char per byte, latin1) so that byte
 * offsets and string offsets agree while splitting MIME structure; text is decoded only at the leaves.
 */
export function bytesOf(binary: string): Buffer {
  return Buffer.from(binary, "latin1");
}

/** Decodes bytes in a MIME charset with Node's TextDecoder (full ICU); unknown charsets fall back to UTF-8. */
export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const label = normaliseCharset(charset);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function normaliseCharset(charset: string | undefined): string {
  if (!charset) return "utf-8";
  const label = charset.trim().toLowerCase().replace(/\*.*$/, "");
  // RFC 2231 allows a language suffix; TextDecoder also does not know these aliases.
  if (label === "utf8") return "utf-8";
  if (label === "us-ascii" || label === "ascii") return "windows-1252";
  return label;
}

/** Header bytes above 0x7f are UTF-8 (RFC 6532) in practice; fall back to latin1 when they are not. */
export function decodeRawHeaderValue(binary: string): string {
  if (!/[\x80-\xff]/.test(binary)) return binary;
  const bytes = bytesOf(binary);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}

export function base64Url(bytes: Buffer): string {
  return bytes.toString("base64url");
}
