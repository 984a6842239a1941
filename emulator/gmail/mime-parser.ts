import { base64Url, decodeCharset } from "./charset";
import { decodeTransfer, htmlToText, snippetOf } from "./mime-body";
import { type Header, headerValue, parseContentType, parseDisposition, parseHeaders, splitHeaderBody } from "./mime-headers";

export type { Header } from "./mime-headers";

export interface MessagePartBody {
  attachmentId?: string;
  size: number;
  data?: string;
}

/** Gmail's MessagePart, field order as Gmail emits it. */
export interface MessagePart {
  partId: string;
  mimeType: string;
  filename: string;
  headers: Header[];
  body: MessagePartBody;
  parts?: MessagePart[];
}

export interface ParsedAttachment {
  attachmentId: string;
  partId: string;
  filename: string;
  mimeType: string;
  data: Buffer;
}

export interface ParsedMessage {
  raw: Buffer;
  headers: Header[];
  payload: MessagePart;
  attachments: ParsedAttachment[];
  /** Text bodies too large to inline: served by attachments.get like attachments, but not attachments. */
  referencedBodies: ParsedAttachment[];
  /** The readable body (first text/plain, else the first text/html as text), decoded from its charset. */
  bodyText: string;
  snippet: string;
  sizeEstimate: number;
}

export interface ParseOptions {
  /** Gives each attachment part its id; the store derives it from the message id and part id. */
  attachmentIdFor(partId: string): string;
  /**
   * Mail written through the Gmail API: raw 8-bit header bytes read as Latin-1 (mojibake, as Gmail shows a
   * subject that was not RFC 2047-encoded) and a raw non-ASCII attachment name shown as "noname".
   */
  rawHeadersAsLatin1?: boolean;
}

// Deeply nested multiparts are malformed or hostile; Gmail also stops descending at some depth.
const MAX_DEPTH = 20;

/**
 * Gmail hands a large body part back by attachmentId (with its size, without data), like an attachment, so a
 * format=full answer stays small; it does not document from which size. The emulator does it above this.
 */
export const INLINE_BODY_LIMIT_BYTES = 512 * 1024;

/** How much of a body search indexes (a test tool's bound; Gmail indexes more). */
const INDEXED_BODY_CHARS = 1024 * 1024;

/**
 * Parses an RFC 2822 message into Gmail's payload tree: headers decoded from RFC 2047, leaf bodies
 * transfer-decoded and re-encoded as base64url (charset untouched, as Gmail does), attachments reduced to
 * attachmentId + size.
 */
export function parseMessage(raw: Buffer, options: ParseOptions): ParsedMessage {
  const attachments: ParsedAttachment[] = [];
  const referencedBodies: ParsedAttachment[] = [];
  const texts: { mimeType: string; text: string }[] = [];
  const payload = parsePart(raw.toString("latin1"), "", 0, "text/plain", { options, attachments, referencedBodies, texts });
  const plain = texts.find((t) => t.mimeType === "text/plain");
  const html = texts.find((t) => t.mimeType === "text/html");
  // Search and the snippet read the start of a huge body only: scanning 20 MB of HTML took the emulator minutes.
  const bodyText = plain ? plain.text.slice(0, INDEXED_BODY_CHARS) : html ? htmlToText(html.text.slice(0, INDEXED_BODY_CHARS)) : "";
  return {
    raw,
    headers: payload.headers,
    payload,
    attachments,
    referencedBodies,
    bodyText,
    snippet: snippetOf(bodyText),
    sizeEstimate: raw.length,
  };
}

interface Collector {
  options: ParseOptions;
  attachments: ParsedAttachment[];
  referencedBodies: ParsedAttachment[];
  texts: { mimeType: string; text: string }[];
}

function parsePart(binary: string, partId: string, depth: number, defaultType: string, out: Collector): MessagePart {
  const { headerBlock, body } = splitHeaderBody(binary);
  const latin1 = out.options.rawHeadersAsLatin1 === true;
  const headers = parseHeaders(headerBlock, latin1);
  const contentType = parseContentType(headerValue(headers, "Content-Type"), defaultType);
  const disposition = parseDisposition(headerValue(headers, "Content-Disposition"));
  const named = disposition.params.get("filename") ?? contentType.params.get("name") ?? "";
  const filename = named !== "" && latin1 && hasRaw8BitName(headerBlock) ? "noname" : named;
  const boundary = contentType.params.get("boundary");

  if (contentType.mimeType.startsWith("multipart/") && boundary && depth < MAX_DEPTH) {
    const childDefault = contentType.mimeType === "multipart/digest" ? "message/rfc822" : "text/plain";
    const parts = splitMultipart(body, boundary).map((child, i) =>
      parsePart(child, partId === "" ? String(i) : `${partId}.${i}`, depth + 1, childDefault, out),
    );
    return { partId, mimeType: contentType.mimeType, filename: "", headers, body: { size: 0 }, parts };
  }

  const bytes = decodeTransfer(body, headerValue(headers, "Content-Transfer-Encoding"));
  if (filename !== "") {
    const attachmentId = out.options.attachmentIdFor(partId);
    out.attachments.push({ attachmentId, partId, filename, mimeType: contentType.mimeType, data: bytes });
    return { partId, mimeType: contentType.mimeType, filename, headers, body: { attachmentId, size: bytes.length } };
  }
  if (contentType.mimeType === "text/plain" || contentType.mimeType === "text/html") {
    out.texts.push({ mimeType: contentType.mimeType, text: decodeCharset(bytes, contentType.params.get("charset")) });
  }
  if (bytes.length > INLINE_BODY_LIMIT_BYTES) {
    const attachmentId = out.options.attachmentIdFor(partId);
    out.referencedBodies.push({ attachmentId, partId, filename: "", mimeType: contentType.mimeType, data: bytes });
    return { partId, mimeType: contentType.mimeType, filename: "", headers, body: { attachmentId, size: bytes.length } };
  }
  const partBody: MessagePartBody = bytes.length > 0 ? { size: bytes.length, data: base64Url(bytes) } : { size: 0 };
  return { partId, mimeType: contentType.mimeType, filename: "", headers, body: partBody };
}

/** Whether the part's Content-Type or Content-Disposition carries raw 8-bit bytes (a name not encoded per RFC 2231/2047). */
function hasRaw8BitName(headerBlock: string): boolean {
  const unfolded = headerBlock.replace(/\r?\n[ \t]/g, " ");
  return unfolded.split(/\r?\n/).some((line) => /^content-(?:type|disposition):/i.test(line) && /[\x80-\xff]/.test(line));
}

/** Splits a multipart body on its boundary; the CRLF before each delimiter belongs to the delimiter. */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let at = findDelimiter(body, delimiter, 0);
  while (at !== -1) {
    const lineEnd = body.indexOf("\n", at);
    const rest = body.slice(at + delimiter.length, lineEnd === -1 ? body.length : lineEnd);
    if (rest.startsWith("--")) break;
    const start = lineEnd === -1 ? body.length : lineEnd + 1;
    const next = findDelimiter(body, delimiter, start);
    if (next === -1) {
      parts.push(body.slice(start));
      break;
    }
    let end = next;
    if (body[end - 1] === "\n") end--;
    if (body[end - 1] === "\r") end--;
    parts.push(body.slice(start, Math.max(start, end)));
    at = next;
  }
  return parts;
}

function findDelimiter(body: string, delimiter: string, from: number): number {
  let at = body.indexOf(delimiter, from);
  while (at !== -1 && at > 0 && body[at - 1] !== "\n") at = body.indexOf(delimiter, at + 1);
  return at;
}
