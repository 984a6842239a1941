import { decodeBytes, isKnownCharset } from "./charset";

// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header values. Senders get this wrong in many ways, so
// anything that does not decode cleanly is left exactly as it arrived rather than turned into mojibake.

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

type Word = { start: number; end: number; charset: string; bytes: Uint8Array };

/**
 * The header value with its encoded words decoded. Whitespace between adjacent encoded words is dropped, as
 * RFC 2047 requires; adjacent words in the same charset are decoded together so a multi-byte character split
 * across two words survives. Folded lines are unfolded first.
 */
export function decodeEncodedWords(value: string): string {
  const unfolded = value.replace(/\r?\n(?=[ \t])/g, "");
  const words = decodableWords(unfolded);
  if (words.length === 0) return unfolded;

  let out = "";
  let cursor = 0;
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    const run = [first];
    // Collect the run of words separated only by whitespace that share the first word's charset.
    while (i + run.length < words.length) {
      const next = words[i + run.length]!;
      const gap = unfolded.slice(run[run.length - 1]!.end, next.start);
      if (!/^[ \t]*$/.test(gap) || next.charset !== first.charset) break;
      run.push(next);
    }
    const previous = words[i - 1];
    const gapBefore = unfolded.slice(cursor, first.start);
    // Whitespace between this run and a preceding encoded word (in another charset) is dropped too.
    const dropGap = previous !== undefined && previous.end === cursor && /^[ \t]*$/.test(gapBefore);
    out += (dropGap ? "" : gapBefore) + decodeBytes(concat(run.map((w) => w.bytes)), first.charset);
    cursor = run[run.length - 1]!.end;
    i += run.length;
  }
  return out + unfolded.slice(cursor);
}

function decodableWords(value: string): Word[] {
  const words: Word[] = [];
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [whole, rawCharset = "", encoding = "", text = ""] = match;
    // RFC 2231 allows a language after the charset: `utf-8*en`.
    const charset = rawCharset.split("*")[0]?.toLowerCase() ?? "";
    if (!isKnownCharset(charset)) continue;
    const bytes = encoding.toUpperCase() === "B" ? base64Bytes(text) : quotedPrintableBytes(text);
    if (bytes === null) continue;
    words.push({ start: match.index, end: match.index + whole.length, charset, bytes });
  }
  return words;
}

function base64Bytes(text: string): Uint8Array | null {
  const bare = text.replace(/=+$/, "");
  // Base64 never leaves a single character in its last group; such a word is malformed.
  if (!/^[A-Za-z0-9+/]*$/.test(bare) || bare.length % 4 === 1) return null;
  return Buffer.from(bare, "base64");
}

function quotedPrintableBytes(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "_") {
      bytes.push(0x20);
    } else if (ch === "=") {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const code = ch.charCodeAt(0);
      if (code > 0x7e) return null;
      bytes.push(code);
    }
  }
  return Uint8Array.from(bytes);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
