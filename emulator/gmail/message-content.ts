import { attachmentIdFor } from "./ids";
import { headerValue } from "./mime-headers";
import { type ParsedAttachment, type ParsedMessage, parseMessage } from "./mime-parser";
import { buildSearchDoc } from "./search-doc";
import type { SearchDoc } from "./search-matcher";

/** The immutable part of a stored message, computed once at insert so reads only assemble JSON. */
export interface MessageContent {
  parsed: ParsedMessage;
  rawBase64Url: string;
  doc: SearchDoc;
  attachmentsById: Map<string, ParsedAttachment>;
  /** Message-ID (lower case, no brackets) and the ids this message replies to, for threading. */
  messageIdHeader: string;
  replyTo: string[];
}

/** `written`: mail written through the Gmail API (drafts, sends and their deliveries), read as Gmail reads it. */
export function buildMessageContent(raw: Buffer, messageId: string, written = false): MessageContent {
  const parsed = parseMessage(raw, {
    attachmentIdFor: (partId) => attachmentIdFor(messageId, partId),
    ...(written ? { rawHeadersAsLatin1: true } : {}),
  });
  const doc = buildSearchDoc(parsed);
  const refs = `${headerValue(parsed.headers, "In-Reply-To") ?? ""} ${headerValue(parsed.headers, "References") ?? ""}`;
  return {
    parsed,
    rawBase64Url: raw.toString("base64url"),
    doc,
    attachmentsById: new Map([...parsed.attachments, ...parsed.referencedBodies].map((a) => [a.attachmentId, a])),
    messageIdHeader: doc.messageId,
    replyTo: [...refs.matchAll(/<([^>]+)>/g)].map((m) => (m[1] ?? "").toLowerCase()).reverse(),
  };
}

/** Accepts a raw message as plain RFC 2822 text or as base64url (the control API takes both). */
export function rawMessageBytes(raw: string): Buffer {
  const compact = raw.trim();
  if (/^[A-Za-z0-9_\-+/]+=*$/.test(compact) && compact.length >= 8) {
    const decoded = Buffer.from(compact, "base64url");
    if (decoded.toString("latin1").includes(":")) return decoded;
  }
  return Buffer.from(raw, "utf8");
}
