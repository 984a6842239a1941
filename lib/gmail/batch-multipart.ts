import "server-only";

import { randomBytes } from "node:crypto";

// The wire format of Gmail's HTTP batch endpoint (`POST /batch/gmail/v1`, multipart/mixed of application/http
// parts). The Node client has no batch support, so this builds the request body and reads the response.

/**
 * Callers split their work into batches of at most this many parts. Gmail accepts 100 but advises against
 * more than 50: "larger batch sizes are likely to trigger rate limiting".
 */
export const MAX_BATCH_PARTS = 50;

export type BatchRequestPart = {
  /** Echoed back (as `response-<id>`) so a response part can be matched to its request. */
  id: string;
  method: "GET" | "POST";
  /** Path and query only, e.g. `/gmail/v1/users/me/messages/abc?format=metadata&metadataHeaders=From`. */
  path: string;
  /** Sent as JSON; only meaningful for POST. */
  body?: unknown;
};

export type BatchResponsePart = {
  /** The request part's id, with the `response-` prefix and the angle brackets removed; "" when absent. */
  contentId: string;
  /** The inner HTTP status; 0 when the part carried no readable status line. */
  status: number;
  /** The inner response's headers, names lower-cased. */
  headers: Record<string, string>;
  /** The parsed JSON body, or null when the body is empty or not JSON. */
  body: unknown;
};

export type BatchFormatErrorReason = "not_multipart" | "missing_boundary";

/** The batch response cannot be read as multipart at all (as opposed to one part failing). */
export class BatchFormatError extends Error {
  override readonly name = "BatchFormatError";
  constructor(
    readonly reason: BatchFormatErrorReason,
    message: string,
  ) {
    super(message);
  }
}

const CRLF = "\r\n";

/** Builds the body and Content-Type of a batch request. Throws TypeError on parts that cannot be encoded. */
export function encodeBatchRequest(parts: readonly BatchRequestPart[]): { contentType: string; body: string } {
  assertEncodable(parts);
  const encodedParts = parts.map(encodePart);
  let boundary = newBoundary();
  // A boundary must not occur inside the content; with 96 random bits this loop practically never repeats.
  while (encodedParts.some((part) => part.includes(boundary))) boundary = newBoundary();

  const body = encodedParts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join("") + `--${boundary}--${CRLF}`;
  return { contentType: `multipart/mixed; boundary=${boundary}`, body };
}

function newBoundary(): string {
  return `batch_${randomBytes(12).toString("hex")}`;
}

function assertEncodable(parts: readonly BatchRequestPart[]): void {
  if (parts.length === 0) throw new TypeError("A batch needs at least one part");
  if (parts.length > MAX_BATCH_PARTS) {
    throw new TypeError(`A batch holds at most ${MAX_BATCH_PARTS} parts, got ${parts.length}`);
  }
  const seen = new Set<string>();
  for (const part of parts) {
    // Anything that could end a header line or the angle brackets would let a value inject headers.
    if (part.id === "" || /[<>\r\n]/.test(part.id)) throw new TypeError(`Invalid batch part id: ${JSON.stringify(part.id)}`);
    if (seen.has(part.id)) throw new TypeError(`Duplicate batch part id: ${part.id}`);
    seen.add(part.id);
    if (!part.path.startsWith("/") || /\s/.test(part.path)) {
      throw new TypeError(`Batch part path must be an absolute path without whitespace: ${JSON.stringify(part.path)}`);
    }
  }
}

function encodePart(part: BatchRequestPart): string {
  const head = `Content-Type: application/http${CRLF}Content-ID: <${part.id}>${CRLF}${CRLF}`;
  const requestLine = `${part.method} ${part.path}`;
  if (part.body === undefined) return `${head}${requestLine}${CRLF}`;
  return `${head}${requestLine}${CRLF}` + `Content-Type: application/json; charset=UTF-8${CRLF}${CRLF}` + JSON.stringify(part.body);
}

/**
 * The parts of a batch response, in the order the server sent them (Gmail keeps request order).
 * Preamble and epilogue are ignored, LF-only line endings are accepted, and a part that cannot be parsed
 * still yields an entry (status 0 or body null) so the caller can retry or report it.
 * Throws BatchFormatError when the response is not multipart or names no boundary.
 */
export function decodeBatchResponse(contentType: string, body: string): BatchResponsePart[] {
  const boundary = boundaryOf(contentType);
  return splitMultipart(body, boundary).map(decodePart);
}

function boundaryOf(contentType: string): string {
  const [mediaType = "", ...params] = contentType.split(";");
  if (!mediaType.trim().toLowerCase().startsWith("multipart/")) {
    throw new BatchFormatError("not_multipart", `Batch response is not multipart: ${mediaType.trim() || "(none)"}`);
  }
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== "boundary") continue;
    const value = unquote(param.slice(eq + 1).trim());
    if (value !== "") return value;
  }
  throw new BatchFormatError("missing_boundary", "Batch response has no multipart boundary");
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}

function splitMultipart(body: string, boundary: string): string[] {
  // A delimiter is a whole line: "--boundary", or "--boundary--" for the last one, maybe with trailing blanks.
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?=\\r?\\n|$)`, "g");
  const parts: string[] = [];
  let partStart: number | null = null;
  for (const match of body.matchAll(delimiter)) {
    if (partStart !== null) parts.push(body.slice(partStart, match.index));
    if (match[1] === "--") return parts;
    partStart = skipLineBreak(body, match.index + match[0].length);
  }
  // No closing delimiter (a truncated response): keep what arrived of the last part.
  if (partStart !== null && body.slice(partStart).trim() !== "") parts.push(body.slice(partStart));
  return parts;
}

function skipLineBreak(text: string, index: number): number {
  if (text.startsWith("\r\n", index)) return index + 2;
  if (text.startsWith("\n", index)) return index + 1;
  return index;
}

/** Splits a header block from what follows the first blank line. */
function splitHeadersAndBody(text: string): { headers: Record<string, string>; body: string } {
  const blank = /\r?\n\r?\n/.exec(text);
  const headerText = blank ? text.slice(0, blank.index) : text;
  const body = blank ? text.slice(blank.index + blank[0].length) : "";
  return { headers: parseHeaderLines(headerText.split(/\r?\n/)), body };
}

function parseHeaderLines(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  let last: string | null = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last !== null) {
      // Obsolete folding: a continuation of the previous header.
      headers[last] = `${headers[last] ?? ""} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    last = name;
  }
  return headers;
}

function decodePart(raw: string): BatchResponsePart {
  const trimmed = raw.replace(/^(?:[ \t]*\r?\n)+/, "");
  // A part that skips its own MIME headers starts straight with the inner status line.
  const outer = /^HTTP\//i.test(trimmed) ? { headers: {}, body: trimmed } : splitHeadersAndBody(trimmed);
  const contentId = requestIdOf(outer.headers["content-id"]);
  // Some servers put blank lines before the inner status line.
  const inner = outer.body.replace(/^(?:[ \t]*\r?\n)+/, "");
  const lineEnd = /\r?\n|$/.exec(inner);
  const statusLine = inner.slice(0, lineEnd?.index ?? inner.length);
  const statusMatch = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b/i.exec(statusLine);
  if (!statusMatch) return { contentId, status: 0, headers: {}, body: null };

  const rest = inner.slice(statusLine.length).replace(/^\r?\n/, "");
  // A status line directly followed by a blank line means "no headers".
  const message = /^\r?\n/.test(rest) ? { headers: {}, body: rest.replace(/^\r?\n/, "") } : splitHeadersAndBody(rest);
  return { contentId, status: Number(statusMatch[1]), headers: message.headers, body: parseJson(message.body) };
}

function requestIdOf(contentId: string | undefined): string {
  if (contentId === undefined) return "";
  const bare = contentId
    .trim()
    .replace(/^<(.*)>$/, "$1")
    .trim();
  return bare.toLowerCase().startsWith("response-") ? bare.slice("response-".length) : bare;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return null;
  }
}
