import { bytesOf, decodeCharset, decodeRawHeaderValue } from "./charset";

export interface Header {
  name: string;
  value: string;
}

/** Splits a binary message (or part) into its header block and body at the first empty line. */
export function splitHeaderBody(binary: string): { headerBlock: string; body: string } {
  const crlf = binary.indexOf("\r\n\r\n");
  const lf = binary.indexOf("\n\n");
  if (binary.startsWith("\r\n")) return { headerBlock: "", body: binary.slice(2) };
  if (binary.startsWith("\n")) return { headerBlock: "", body: binary.slice(1) };
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { headerBlock: binary.slice(0, crlf), body: binary.slice(crlf + 4) };
  if (lf !== -1) return { headerBlock: binary.slice(0, lf), body: binary.slice(lf + 2) };
  return { headerBlock: binary, body: "" };
}

/**
 * Parses a header block, unfolding continuation lines, keeping the original order and name case, and
 * decoding RFC 2047 encoded-words to UTF-8 as Gmail shows them in `payload.headers`. Raw 8-bit bytes are
 * read as UTF-8 (received mail), or as Latin-1 (mail written through the API, where Gmail does not repair them).
 */
export function parseHeaders(headerBlock: string, rawBytesAsLatin1 = false): Header[] {
  const headers: Header[] = [];
  for (const line of headerBlock.split(/\r?\n/)) {
    if (line === "") continue;
    const last = headers[headers.length - 1];
    if ((line.startsWith(" ") || line.startsWith("\t")) && last) {
      last.value += line;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1) });
  }
  // Mail written through the Gmail API is read the way Gmail reads it: raw 8-bit header bytes as Latin-1.
  const decodeRaw = rawBytesAsLatin1 ? (value: string) => value : decodeRawHeaderValue;
  return headers.map((h) => ({ name: h.name, value: decodeEncodedWords(decodeRaw(h.value.trim())) }));
}

export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/**
 * Decodes RFC 2047 encoded-words. Adjacent words (separated only by whitespace) are joined at the byte
 * level first, because mailers split multi-byte characters across words.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes("=?")) return value;
  let out = "";
  let cursor = 0;
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  const flush = () => {
    if (pending) out += decodeCharset(Buffer.concat(pending.bytes), pending.charset);
    pending = undefined;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [whole, charset = "", encoding = "", text = ""] = match;
    const gap = value.slice(cursor, match.index);
    const bytes = encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : decodeQEncoding(text);
    const sameRun = pending !== undefined && gap.trim() === "";
    if (sameRun && pending && pending.charset.toLowerCase() === charset.toLowerCase()) {
      pending.bytes.push(bytes);
    } else {
      flush();
      if (!sameRun) out += gap;
      pending = { charset, bytes: [bytes] };
    }
    cursor = match.index + whole.length;
  }
  flush();
  return out + value.slice(cursor);
}

function decodeQEncoding(text: string): Buffer {
  const binary = text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return bytesOf(binary);
}

export interface ContentType {
  mimeType: string;
  params: Map<string, string>;
}

/** Parses `type/subtype; a=b; c="d"` including RFC 2231 extended (`name*=utf-8''…`) and continued params. */
export function parseContentType(value: string | undefined, fallback = "text/plain"): ContentType {
  if (!value) return { mimeType: fallback, params: new Map() };
  const [typePart = "", ...rest] = splitParams(value);
  const mimeType = typePart.trim().toLowerCase() || fallback;
  return { mimeType: mimeType.includes("/") ? mimeType : fallback, params: parseParams(rest) };
}

/** Parses a Content-Disposition value into its kind (`attachment`/`inline`) and params. */
export function parseDisposition(value: string | undefined): { kind: string; params: Map<string, string> } {
  if (!value) return { kind: "", params: new Map() };
  const [kind = "", ...rest] = splitParams(value);
  return { kind: kind.trim().toLowerCase(), params: parseParams(rest) };
}

function splitParams(value: string): string[] {
  const pieces: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? "";
    if (ch === '"' && value[i - 1] !== "\\") quoted = !quoted;
    if (ch === ";" && !quoted) {
      pieces.push(current);
      current = "";
    } else current += ch;
  }
  pieces.push(current);
  return pieces;
}

function parseParams(pieces: string[]): Map<string, string> {
  const simple = new Map<string, string>();
  const extended = new Map<string, { index: number; value: string; encoded: boolean }[]>();
  for (const piece of pieces) {
    const eq = piece.indexOf("=");
    if (eq <= 0) continue;
    const rawKey = piece.slice(0, eq).trim().toLowerCase();
    let rawValue = piece.slice(eq + 1).trim();
    if (rawValue.startsWith('"') && rawValue.endsWith('"') && rawValue.length >= 2) {
      rawValue = rawValue.slice(1, -1).replace(/\\(.)/g, "$1");
    }
    const ext = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(rawKey);
    if (!ext || (ext[2] === undefined && ext[3] === undefined)) {
      simple.set(rawKey, decodeEncodedWords(rawValue));
      continue;
    }
    const key = ext[1] ?? rawKey;
    const list = extended.get(key) ?? [];
    list.push({ index: Number(ext[2] ?? 0), value: rawValue, encoded: ext[3] !== undefined });
    extended.set(key, list);
  }
  for (const [key, segments] of extended) simple.set(key, joinExtended(segments));
  return simple;
}

function joinExtended(segments: { index: number; value: string; encoded: boolean }[]): string {
  segments.sort((a, b) => a.index - b.index);
  let charset = "utf-8";
  const bytes: Buffer[] = [];
  segments.forEach((segment, i) => {
    let text = segment.value;
    if (segment.encoded && i === 0) {
      const m = /^([^']*)'[^']*'(.*)$/.exec(text);
      if (m) {
        charset = m[1] || "utf-8";
        text = m[2] ?? "";
      }
    }
    const binary = segment.encoded ? text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
    bytes.push(bytesOf(binary));
  });
  return decodeCharset(Buffer.concat(bytes), charset);
}
