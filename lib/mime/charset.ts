// Turns bytes from a MIME part or an RFC 2047 word into text. Mail arrives in whatever charset the sender's
// client used, and a charset we cannot honour must still produce readable text rather than an exception.

/**
 * The decoder for a charset label, or null when the platform does not know it.
 * Labels come from headers, so they are trimmed, unquoted and lower-cased first; an RFC 2231 language suffix
 * (`utf-8*en`) is dropped.
 */
function decoderFor(label: string): TextDecoder | null {
  const cleaned =
    label
      .trim()
      .replace(/^["']|["']$/g, "")
      .split("*")[0]
      ?.trim()
      .toLowerCase() ?? "";
  if (cleaned === "") return null;
  try {
    const decoder = new TextDecoder(cleaned);
    // WHATWG maps ISO-2022-KR and friends to "replacement", which turns the whole input into one U+FFFD.
    return decoder.encoding === "replacement" ? null : decoder;
  } catch {
    return null;
  }
}

/** Whether `label` names a charset the platform can decode. */
export function isKnownCharset(label: string): boolean {
  return decoderFor(label) !== null;
}

/**
 * Text for `bytes` in `charset`; an unknown, empty or missing charset falls back to UTF-8, and invalid
 * sequences become U+FFFD instead of throwing.
 */
export function decodeBytes(bytes: Uint8Array, charset: string | null | undefined): string {
  const decoder = (charset ? decoderFor(charset) : null) ?? new TextDecoder("utf-8");
  return decoder.encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

// Node 20's TextDecoder decodes windows-1252 (and so its aliases latin1, iso-8859-1 and us-ascii) as plain
// Latin-1, turning the curly quotes, dashes and euro signs of 0x80-0x9F into invisible C1 controls.
// Mail labelled ISO-8859-1 is very often really windows-1252, so those bytes are mapped here as WHATWG says.
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) {
    out += byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_C1[byte - 0x80] ?? "") : String.fromCharCode(byte);
  }
  return out;
}
