import "server-only";

import { type gmail_v1 } from "@googleapis/gmail";

import { decodeBytes } from "./charset";
import { decodeEncodedWords } from "./encoded-words";

// The readable body of a message fetched with format=full: walks the MIME tree Gmail returns, picks the
// text and HTML bodies a mail client would show, decodes them with their declared charsets, and lists the
// attachments. Gmail sends a body either inline (`data`) or, when it is large, by `attachmentId` with only
// its size: messageParts says which parts make the body and how large they are without decoding anything,
// so a caller can decide how much of a large body to read at all (lib/gmail/message-bodies.ts).

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

/** One text or HTML part of the body, not yet decoded. */
export type BodyPart = {
  mimeType: "text/plain" | "text/html";
  partId: string;
  /** Decoded size in bytes, as Gmail reports it. */
  size: number;
  /** The bytes as base64url when Gmail sent them inline, else null. */
  data: string | null;
  /** Where to fetch the bytes (messages.attachments.get) when Gmail did not send them inline. */
  attachmentId: string | null;
  /** The declared charset, or null (an HTML body may name one in a meta tag). */
  charset: string | null;
};

export type MessageParts = {
  /** The parts that make the plain-text body, in order (joined when several); empty when it has none. */
  text: BodyPart[];
  /** The parts that make the HTML body, in order. */
  html: BodyPart[];
  attachments: MessageAttachment[];
};

export type MessageContent = {
  /** The plain-text body, or null when the message has none. */
  text: string | null;
  /** The HTML body, unsanitised, or null when the message has none. */
  html: string | null;
  attachments: MessageAttachment[];
};

type Bodies = { text: BodyPart[] | null; html: BodyPart[] | null };

const NO_BODIES: Bodies = { text: null, html: null };

/** Which parts make the text and HTML bodies, and the attachments, of a message payload; decodes nothing. */
export function messageParts(payload: Part | null | undefined): MessageParts {
  const attachments: MessageAttachment[] = [];
  const bodies = payload ? bodiesOf(payload, attachments, 0) : NO_BODIES;
  return { text: bodies.text ?? [], html: bodies.html ?? [], attachments };
}

/** The text and HTML bodies and the attachments of a message payload, from the parts Gmail sent inline. */
export function extractMessageContent(payload: Part | null | undefined): MessageContent {
  const { text, html, attachments } = messageParts(payload);
  return { text: joinText(decodeInline(text)), html: joinHtml(decodeInline(html)), attachments };
}

function decodeInline(parts: readonly BodyPart[]): string[] {
  return parts.flatMap((part) => (part.data === null ? [] : [decodeBodyPart(part, bytesOf(part.data))]));
}

/** Several text bodies of one message are separate paragraphs; null when there is none. */
export function joinText(texts: readonly string[]): string | null {
  return texts.length === 0 ? null : texts.join("\n\n");
}

export function joinHtml(htmls: readonly string[]): string | null {
  return htmls.length === 0 ? null : htmls.join("\n");
}

/** A body part's bytes as text, in its declared charset (or, for HTML, the one its meta tag names). */
export function decodeBodyPart(part: BodyPart, bytes: Uint8Array): string {
  return decodeBytes(bytes, part.charset ?? (part.mimeType === "text/html" ? metaCharset(bytes) : null));
}

/** The first bytes of an inline body part, decoding only as much of its base64url as they need. */
export function inlineBytes(part: BodyPart, limit = Infinity): Uint8Array {
  if (part.data === null) return new Uint8Array(0);
  if (!Number.isFinite(limit)) return bytesOf(part.data);
  // Only the head of a large body is copied and decoded (Gmail's base64url has no whitespace to skip).
  const chars = Math.ceil(limit / 3) * 4;
  const bytes = bytesOf(
    part.data
      .slice(0, chars + 64)
      .replace(/\s+/g, "")
      .slice(0, chars),
  );
  return bytes.length > limit ? bytes.subarray(0, limit) : bytes;
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
  const data = typeof part.body?.data === "string" ? part.body.data : null;
  const attachmentId = part.body?.attachmentId || null;
  if (data === null && attachmentId === null) return NO_BODIES;
  const body: BodyPart = {
    mimeType,
    partId: part.partId ?? "",
    size: sizeOf(part, data),
    data,
    attachmentId: data === null ? attachmentId : null,
    charset: headerParam(header(part, "Content-Type"), "charset"),
  };
  return mimeType === "text/html" ? { text: null, html: [body] } : { text: [body], html: null };
}

function sizeOf(part: Part, data: string | null): number {
  const size = part.body?.size;
  if (typeof size === "number" && Number.isFinite(size) && size >= 0) return size;
  return data === null ? 0 : Buffer.byteLength(data.replace(/\s+/g, ""), "base64url");
}

/** Alternatives are ordered from plainest to richest, so the last one of each kind wins. */
function richest(children: readonly Bodies[]): Bodies {
  const last = <K extends keyof Bodies>(key: K) => children.map((c) => c[key]).findLast((v) => v !== null) ?? null;
  return { text: last("text"), html: last("html") };
}

function joined(children: readonly Bodies[]): Bodies {
  const texts = children.flatMap((c) => c.text ?? []);
  const htmls = children.flatMap((c) => c.html ?? []);
  return { text: texts.length === 0 ? null : texts, html: htmls.length === 0 ? null : htmls };
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

/** HTML often states its charset only in a <meta> tag; it must appear early in the document. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)?.[1] ?? null;
}

/** Gmail sends base64url, with or without padding; some tools send standard base64. */
function bytesOf(data: string): Uint8Array {
  return Buffer.from(data.replace(/\s+/g, ""), "base64url");
}
