import "server-only";
// One message as a reader sees it, from Gmail's format=full: headers decoded, body decoded from its charset,
// HTML sanitised, attachments listed. Shared by a single message (get-message) and a whole conversation
// (get-thread), so both read mail the same way.
import type { gmail_v1 } from "@googleapis/gmail";
import { extractMessageContent } from "./message-content";
import { type Mailbox, headerValue, parseMailboxList, summarizeMessage } from "./message-headers";
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
  blockedRemoteImages: number;
  attachments: AttachmentInfo[];
};

export function messageDetailOf(data: gmail_v1.Schema$Message, options: { allowRemoteImages: boolean }): MessageDetail {
  const summary = summarizeMessage(data);
  const content = extractMessageContent(data.payload);
  const sanitized = content.html === null ? null : sanitizeEmailHtml(content.html, { allowRemoteImages: options.allowRemoteImages });
  const headers = data.payload?.headers;
  return {
    id: summary.id,
    threadId: summary.threadId,
    from: summary.from,
    to: parseMailboxList(headerValue(headers, "To")),
    cc: parseMailboxList(headerValue(headers, "Cc")),
    subject: summary.subject,
    date: summary.date,
    labelIds: summary.labelIds,
    unread: summary.unread,
    starred: summary.starred,
    snippet: summary.snippet,
    text: content.text?.replace(/\r\n?/g, "\n") ?? null,
    html: sanitized?.html ?? null,
    blockedRemoteImages: sanitized?.blockedRemoteImages ?? 0,
    attachments: content.attachments.map(({ filename, mimeType, size, attachmentId }) => ({ filename, mimeType, size, attachmentId })),
  };
}
