import "server-only";
// One message, ready to show: headers decoded, body decoded from its charset, HTML sanitised.
import { gmailUsersFor } from "./gmail-client";
import { withMailbox } from "./mailbox-access";
import { extractMessageContent } from "./message-content";
import { type Mailbox, headerValue, parseMailboxList, summarizeMessage } from "./message-headers";
import { sanitizeEmailHtml } from "./sanitize-email-html";

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
  text: string | null;
  /** Sanitised: no scripts, no forms, remote images blocked unless allowed. */
  html: string | null;
  blockedRemoteImages: number;
  attachments: { filename: string; mimeType: string; size: number }[];
};

export async function getMessage(options: {
  userId: string;
  account?: string | undefined;
  id: string;
  allowRemoteImages?: boolean;
}): Promise<MessageDetail> {
  return withMailbox({ userId: options.userId, account: options.account }, "message", async (accessToken) => {
    const { data } = await gmailUsersFor(accessToken).getMessage({ userId: "me", id: options.id, format: "full" });
    const summary = summarizeMessage(data);
    const content = extractMessageContent(data.payload);
    const sanitized =
      content.html === null ? null : sanitizeEmailHtml(content.html, { allowRemoteImages: options.allowRemoteImages ?? false });
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
      text: content.text?.replace(/\r\n?/g, "\n") ?? null,
      html: sanitized?.html ?? null,
      blockedRemoteImages: sanitized?.blockedRemoteImages ?? 0,
      attachments: content.attachments.map(({ filename, mimeType, size }) => ({ filename, mimeType, size })),
    };
  });
}
