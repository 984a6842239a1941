import "server-only";
// One attachment's bytes, for a download. Gmail's attachments.get answers JSON with the bytes as one
// base64url string; they are decoded and handed on a chunk at a time, so a large file is never held twice.
//
// Which part is meant: the message is read first (format=full), so an attachment that is not in that message
// is refused and the file gets the part's own name and type. Gmail hands out a fresh attachment id on every
// read of a message (the emulator keeps them stable); an id from an earlier read still fetches the bytes, and
// then the part is recognised by its size, or the file is served as plain bytes under a neutral name.
import type { gmail_v1 } from "@googleapis/gmail";
import { AppError } from "../errors";
import { gmailUsersFor } from "./gmail-client";
import { statusOf } from "./gmail-errors";
import { withMailbox } from "./mailbox-access";
import { type MessageAttachment, extractMessageContent } from "./message-content";

export type AttachmentDownload = {
  filename: string;
  mimeType: string;
  /** Decoded size in bytes. */
  size: number;
  body: ReadableStream<Uint8Array>;
};

export type GetAttachmentOptions = {
  userId: string;
  account?: string | undefined;
  messageId: string;
  attachmentId: string;
};

// A multiple of 4 base64 characters decodes on its own: 64 KiB of text is 48 KiB of bytes per chunk.
const CHUNK_CHARS = 64 * 1024;

function notInMessage(cause?: unknown): AppError {
  return new AppError("not_found", "This attachment is not in this message.", { cause });
}

/** The bytes as a stream of decoded chunks, read from the base64url text only as the client takes them. */
export function decodedStream(base64url: string): ReadableStream<Uint8Array> {
  const text = /\s/.test(base64url) ? base64url.replace(/\s+/g, "") : base64url;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= text.length) {
        controller.close();
        return;
      }
      const piece = text.slice(offset, offset + CHUNK_CHARS);
      offset += CHUNK_CHARS;
      controller.enqueue(new Uint8Array(Buffer.from(piece, "base64url")));
    },
  });
}

/** Which listed attachment a fetched body is: by id, else by a size no other attachment has. */
function partFor(attachments: readonly MessageAttachment[], attachmentId: string, size: number): MessageAttachment | undefined {
  const byId = attachments.find((attachment) => attachment.attachmentId === attachmentId);
  if (byId) return byId;
  const sameSize = attachments.filter((attachment) => attachment.attachmentId !== null && attachment.size === size);
  return sameSize.length === 1 ? sameSize[0] : undefined;
}

async function fetchBody(gmail: ReturnType<typeof gmailUsersFor>, messageId: string, attachmentId: string): Promise<string> {
  let body: gmail_v1.Schema$MessagePartBody;
  try {
    ({ data: body } = await gmail.getAttachment({ userId: "me", messageId, id: attachmentId }));
  } catch (error) {
    // Gmail refuses an id that is not one of this message's (404, or 400 for a malformed one).
    const status = statusOf(error);
    if (status === 404 || status === 400) throw notInMessage(error);
    throw error;
  }
  return typeof body.data === "string" ? body.data : "";
}

export async function getAttachment(options: GetAttachmentOptions): Promise<AttachmentDownload> {
  return withMailbox({ userId: options.userId, account: options.account }, "message", async (accessToken) => {
    const gmail = gmailUsersFor(accessToken);
    const { data: message } = await gmail.getMessage({ userId: "me", id: options.messageId, format: "full" });
    const { attachments } = extractMessageContent(message.payload);
    const listed = attachments.some((attachment) => attachment.attachmentId === options.attachmentId);
    // No attachment at all: whatever the id, it cannot be one of this message's.
    if (!listed && !attachments.some((attachment) => attachment.attachmentId !== null)) throw notInMessage();

    const data = await fetchBody(gmail, options.messageId, options.attachmentId);
    const size = Buffer.byteLength(data, "base64url");
    const part = partFor(attachments, options.attachmentId, size);
    return {
      filename: part?.filename ?? "",
      mimeType: part?.mimeType ?? "application/octet-stream",
      size,
      body: decodedStream(data),
    };
  });
}
