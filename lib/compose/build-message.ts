// The RFC 5322 message of a draft, built as a stream by nodemailer's MailComposer: multipart/alternative of a
// text/plain part (made from the HTML) and the HTML; inline images (forwarded ones, by Content-ID) in a
// multipart/related beside the HTML; attachments read from their files as the stream is consumed, so a 20 MB
// attachment is never whole in memory. MailComposer encodes non-ASCII subjects and names as RFC 2047 encoded
// words and file names as RFC 2231 parameters, which is what keeps Hebrew intact in Gmail and elsewhere.
import type { Readable } from "node:stream";
import MailComposer from "nodemailer/lib/mail-composer";
import type { Recipient } from "./addresses";
import { plainTextOf } from "./composer-html";

export type FileAttachment = { filename: string; mimeType: string; path: string };
export type InlineImage = FileAttachment & { contentId: string };

export type OutgoingMessage = {
  from: Recipient;
  to: readonly Recipient[];
  cc: readonly Recipient[];
  bcc: readonly Recipient[];
  subject: string;
  /** The whole body, already sanitised (what the person wrote, then any quoted original). */
  html: string;
  inReplyTo?: string | undefined;
  references?: string | undefined;
  attachments: readonly FileAttachment[];
  inlineImages?: readonly InlineImage[] | undefined;
};

const asAddress = ({ name, address }: Recipient) => ({ name, address });

/** The message's bytes, produced as they are read. */
export function buildMessageStream(message: OutgoingMessage): Readable {
  const composer = new MailComposer({
    from: asAddress(message.from),
    to: message.to.map(asAddress),
    cc: message.cc.map(asAddress),
    bcc: message.bcc.map(asAddress),
    subject: message.subject,
    text: plainTextOf(message.html),
    html: message.html,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    ...(message.references ? { references: message.references } : {}),
    attachments: [
      ...(message.inlineImages ?? []).map((image) => ({
        filename: image.filename,
        contentType: image.mimeType,
        path: image.path,
        cid: image.contentId,
        contentDisposition: "inline" as const,
      })),
      ...message.attachments.map((file) => ({ filename: file.filename, contentType: file.mimeType, path: file.path })),
    ],
  });
  const root = composer.compile();
  // Gmail has no envelope: it reads the recipients from the headers, so a Bcc header left out (MailComposer's
  // default) would be a Bcc never delivered. Gmail itself removes it from the copies it delivers.
  root.keepBcc = true;
  return root.createReadStream();
}

/** An upper bound of the built message's size: base64 grows files by 4/3 plus line breaks; the text twice. */
export function estimatedMessageBytes(html: string, fileBytes: number): number {
  return Math.ceil(fileBytes * 1.37) + html.length * 6 + 64 * 1024;
}
