import "server-only";

import { type gmail_v1 } from "@googleapis/gmail";

import { decodeBytes } from "./charset";
import { decodeEncodedWords } from "./encoded-words";

// The readable body of a message fetched with format=full: walks the MIME tree Gmail returns, picks the
// text and HTML bodies a mail client would show, decodes them with their declared charsets, and lists the
// attachments. Bodies Gmail only references by attachmentId are not fetched here.

type Part = gmail_v1.Schema$MessagePart;

export type MessageAttachment = {
  filename: string;
  mimeType: string;
  /** Decoded size in bytes, as Gmail reports it. */
  size: number;
  /** For messages.attachments.get; null when Gmail sent the bytes inline instead. */
  attachmentId: string | null;
  partId: string;
};

export type MessageContent = {
  /** The plain-text body, or null when the message has none. */
  text: string | null;
  /** The HTML body, unsanitised, or null when the message has none. */
  html: string | null;
  attachments: MessageAttachment[];
};

type Bodies = { text: string | null; html: string | null };

const NO_BODIES: Bodies = { text: null, html: null };

/** The text and HTML bodies and the attachments of a message payload. */
export function extractMessageContent(payload: Part | null | undefined): MessageContent {
  const attachments: MessageAttachment[] = [];
  const bodies = payload ? bodiesOf(payload, attachments, 0) : NO_BODIES;
  return { ...bodies, attachments };
}

// Real mail nests a few levels; a pathological tree must not blow the stack.
const MAX_DEPTH = 32;

function bodiesOf(part: Part, attachments: MessageAttachment[], depth: number): Bodies {
  const mimeType = mimeTypeOf(part);
  if (mimeType.startsWith("multipart/")) {
    if (depth >= MAX_DEPTH) return NO_BODIES;
    const children = (part.parts ?? []).map((child) => bodiesOf(child, attachments, depth + 1));
    if (mimeType === "multipart/alternative") return richest(children);
    // The first part of multipart/related is the document; the rest are resources it references by cid.
    if (mimeType === "multipart/related") {
      const root = children.find((c) => c.text !== null || c.html !== null);
      return root ?? NO_BODIES;
    }
    // mixed, signed, report and unknown kinds: every inline body is part of what the sender wrote.
    return joined(children);
  }
  if (isAttachment(part)) {
    attachments.push(attachmentOf(part, mimeType));
    return NO_BODIES;
  }
  if (mimeType !== "text/plain" && mimeType !== "text/html") return NO_BODIES;
  const bytes = bytesOf(part.body?.data);
  if (bytes === null) return NO_BODIES;
  const text = decodeBytes(bytes, charsetOf(part, mimeType, bytes));
  return mimeType === "text/html" ? { text: null, html: text } : { text, html: null };
}

/** Alternatives are ordered from plainest to richest, so the last one of each kind wins. */
function richest(children: readonly Bodies[]): Bodies {
  const last = <K extends keyof Bodies>(key: K) => children.map((c) => c[key]).findLast((v) => v !== null) ?? null;
  return { text: last("text"), html: last("html") };
}

function joined(children: readonly Bodies[]): Bodies {
  const texts = children.map((c) => c.text).filter((t): t is string => t !== null);
  const htmls = children.map((c) => c.html).filter((h): h is string => h !== null);
  return {
    text: texts.length === 0 ? null : texts.join("\n\n"),
    html: htmls.length === 0 ? null : htmls.join("\n"),
  };
}

function isAttachment(part: Part): boolean {
  if ((part.filename ?? "") !== "") return true;
  return /^\s*attachment\b/i.test(header(part, "Content-Disposition") ?? "");
}

function attachmentOf(part: Part, mimeType: string): MessageAttachment {
  const named =
    part.filename ||
    headerParam(header(part, "Content-Disposition"), "filename") ||
    headerParam(header(part, "Content-Type"), "name") ||
    "";
  const size = part.body?.size;
  return {
    filename: decodeEncodedWords(named),
    mimeType,
    size: typeof size === "number" && Number.isFinite(size) && size >= 0 ? size : 0,
    attachmentId: part.body?.attachmentId || null,
    partId: part.partId ?? "",
  };
}

function mimeTypeOf(part: Part): string {
  const declared = part.mimeType || header(part, "Content-Type")?.split(";")[0] || "";
  // RFC 2045: a part without a usable Content-Type is plain US-ASCII text.
  return declared.trim().toLowerCase() || "text/plain";
}

function header(part: Part, name: string): string | null {
  const wanted = name.toLowerCase();
  return part.headers?.find((h) => h.name?.toLowerCase() === wanted)?.value ?? null;
}

/** A parameter of a structured header (`charset`, `filename`, …), RFC 2231 `name*=charset''%XX` included. */
function headerParam(value: string | null, name: string): string | null {
  if (!value) return null;
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  let plain: string | null = null;
  for (const [, key = "", raw = ""] of value.matchAll(pattern)) {
    const lower = key.toLowerCase();
    const unquoted = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw.trim();
    if (lower === `${name}*`) {
      const extended = decodeExtendedParam(unquoted);
      if (extended !== null) return extended;
    } else if (lower === name && plain === null) {
      plain = unquoted;
    }
  }
  return plain;
}

function decodeExtendedParam(value: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const [, charset = "", encoded = ""] = match;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const hex = encoded.slice(i + 1, i + 3);
    if (encoded[i] === "%" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(encoded.charCodeAt(i) & 0xff);
    }
  }
  return decodeBytes(Uint8Array.from(bytes), charset || "utf-8");
}

function charsetOf(part: Part, mimeType: string, bytes: Uint8Array): string | null {
  const declared = headerParam(header(part, "Content-Type"), "charset");
  if (declared) return declared;
  // HTML often states its charset only in a <meta> tag; it must appear early in the document.
  if (mimeType === "text/html") {
    const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
    const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
    if (meta?.[1]) return meta[1];
  }
  return null;
}

/** Gmail sends base64url, with or without padding; some tools send standard base64. Null when absent. */
function bytesOf(data: string | null | undefined): Uint8Array | null {
  if (typeof data !== "string") return null;
  return Buffer.from(data.replace(/\s+/g, ""), "base64url");
}
