import "server-only";
// One message as a reader sees it, from Gmail's format=full: headers decoded, body decoded from its charset,
// HTML sanitised, attachments listed. Shared by a single message (get-message) and a whole conversation
// (get-thread), so both read mail the same way.
import type { gmail_v1 } from "@googleapis/gmail";
import { messageParts } from "../mime/message-content";
import { type Mailbox, headerValue, parseMailboxList, summarizeMessage } from "../mime/message-headers";
import { type ReadReferencedPart, readMessageBodies } from "./message-bodies";
import { sanitizeEmailHtml } from "./sanitize-email-html";

export type AttachmentInfo = {
  filename: string;
  mimeType: string;
  size: number;
  /**
   * Gmail's id for GET /api/messages/{id}/attachments/{attachmentId}; null when Gmail sent the part's bytes
   * inline, which no download route serves.
   */
  attachmentId: string | null;
};

export type MessageDetail = {
  id: string;
  threadId: string;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  /** Where the sender asked replies to go (a list, a support desk); empty when the header is absent. */
  replyTo: Mailbox[];
  subject: string;
  date: string | null;
  labelIds: string[];
  unread: boolean;
  starred: boolean;
  /** Plain text, for the collapsed line of a conversation. */
  snippet: string;
  text: string | null;
  /** Sanitised: no scripts, no forms, remote images blocked unless allowed. */
  html: string | null;
  /**
   * Set when the body was too large to show (over 1 MB): `text` is a plain-text excerpt of its start, `html`
   * null, and the whole message is a download (GET /api/messages/{id}/raw).
   */
  truncated: { bodyBytes: number } | null;
  blockedRemoteImages: number;
  attachments: AttachmentInfo[];
};

export async function messageDetailOf(
  data: gmail_v1.Schema$Message,
  options: { allowRemoteImages: boolean; readReferencedPart: ReadReferencedPart },
): Promise<MessageDetail> {
  const summary = summarizeMessage(data);
  const parts = messageParts(data.payload);
  const content = await readMessageBodies(parts, options.readReferencedPart);
  const sanitized = content.html === null ? null : sanitizeEmailHtml(content.html, { allowRemoteImages: options.allowRemoteImages });
  const headers = data.payload?.headers;
  return {
    id: summary.id,
    threadId: summary.threadId,
    from: summary.from,
    to: parseMailboxList(headerValue(headers, "To")),
    cc: parseMailboxList(headerValue(headers, "Cc")),
    replyTo: parseMailboxList(headerValue(headers, "Reply-To")),
    subject: summary.subject,
    date: summary.date,
    labelIds: summary.labelIds,
    unread: summary.unread,
    starred: summary.starred,
    snippet: summary.snippet,
    text: content.text?.replace(/\r\n?/g, "\n") ?? null,
    html: sanitized?.html ?? null,
    blockedRemoteImages: sanitized?.blockedRemoteImages ?? 0,
    truncated: content.truncated,
    attachments: parts.attachments.map(({ filename, mimeType, size, attachmentId }) => ({ filename, mimeType, size, attachmentId })),
  };
}
