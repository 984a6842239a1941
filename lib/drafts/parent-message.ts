import "server-only";
// What a reply or forward takes from the message it answers, read once at the draft's first save: its headers
// (Message-ID, References, Subject, From, Reply-To, To, Cc, Date), its body for the quote, its thread, and
// for a forward its attachments, copied into the upload store as they stream from Gmail (never whole in
// memory), so later saves attach them like the person's own files.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { gmail_v1 } from "@googleapis/gmail";
import type { ParentMessage } from "../compose/reply-rules";
import { gmailUsersFor } from "../gmail/gmail-client";
import { readMessageBodies } from "../gmail/message-bodies";
import { referencedPartReader } from "../gmail/read-referenced-part";
import { streamGmailField } from "../gmail/stream-gmail-field";
import { messageParts } from "../mime/message-content";
import { decodeEncodedWords, headerValue } from "../mime/message-headers";
import { type UploadInfo, type UploadOwner, saveUpload } from "../uploads/upload-store";

type Part = gmail_v1.Schema$MessagePart;

export type ParentAttachment = {
  filename: string;
  mimeType: string;
  attachmentId: string | null;
  inlineData: string | null;
  contentId: string | null;
};
export type FetchedParent = { gmailId: string; threadId: string; parent: ParentMessage; attachments: ParentAttachment[] };

function partsById(part: Part | undefined, into = new Map<string, Part>()): Map<string, Part> {
  if (!part) return into;
  if (part.partId !== undefined && part.partId !== null) into.set(part.partId, part);
  for (const child of part.parts ?? []) partsById(child, into);
  return into;
}

/** The parent with its body read (format=full, large body parts fetched only as far as the quote needs). */
export async function fetchParent(accessToken: string, messageId: string): Promise<FetchedParent> {
  const gmail = gmailUsersFor(accessToken);
  const { data } = await gmail.getMessage({ userId: "me", id: messageId, format: "full" });
  return readMessage(accessToken, data);
}

/** A message fetched with format=full (a parent, or a draft's own message), read the same way. */
export async function readMessage(accessToken: string, data: gmail_v1.Schema$Message): Promise<FetchedParent> {
  const gmail = gmailUsersFor(accessToken);
  const messageId = data.id ?? "";
  const headers = data.payload?.headers;
  const header = (name: string) => {
    const value = headerValue(headers, name);
    return value === null ? null : decodeEncodedWords(value);
  };
  const parts = messageParts(data.payload);
  const bodies = await readMessageBodies(parts, referencedPartReader(gmail, data.id ?? messageId));
  const byId = partsById(data.payload ?? undefined);
  return {
    gmailId: data.id ?? messageId,
    threadId: data.threadId ?? "",
    parent: {
      messageIdHeader: headerValue(headers, "Message-ID"),
      references: headerValue(headers, "References"),
      subject: header("Subject"),
      from: header("From"),
      replyTo: header("Reply-To"),
      to: header("To"),
      cc: header("Cc"),
      date: headerValue(headers, "Date"),
      html: bodies.html,
      text: bodies.text,
    },
    attachments: parts.attachments.map((attachment) => {
      const part = byId.get(attachment.partId);
      const contentId = headerValue(part?.headers, "Content-ID")?.trim().replace(/^<|>$/g, "") ?? null;
      return {
        filename: attachment.filename,
        mimeType: attachment.mimeType,
        attachmentId: attachment.attachmentId,
        inlineData: attachment.attachmentId === null ? (part?.body?.data ?? "") : null,
        contentId: contentId || null,
      };
    }),
  };
}

/** Copies each attachment of the parent into the upload store of `owner`, streamed from Gmail. */
export async function copyParentAttachments(
  accessToken: string,
  owner: UploadOwner,
  parent: Pick<FetchedParent, "gmailId" | "attachments">,
): Promise<UploadInfo[]> {
  const gmail = gmailUsersFor(accessToken);
  const copies: UploadInfo[] = [];
  for (const attachment of parent.attachments) {
    let body: Readable;
    if (attachment.attachmentId === null) {
      body = Readable.from([Buffer.from(attachment.inlineData ?? "", "base64url")]);
    } else {
      const id = attachment.attachmentId;
      const field = await streamGmailField(
        (signal) => gmail.streamAttachment({ userId: "me", messageId: parent.gmailId, id }, signal),
        "data",
      );
      body = Readable.fromWeb(field.body as NodeReadableStream<Uint8Array>);
    }
    copies.push(
      await saveUpload(owner, {
        filename: attachment.filename || "attachment",
        mimeType: attachment.mimeType || "application/octet-stream",
        body,
        contentId: attachment.contentId ?? undefined,
      }),
    );
  }
  return copies;
}
