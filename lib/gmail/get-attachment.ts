import "server-only";
// One attachment's bytes, for a download. Gmail's attachments.get answers JSON with the bytes as one
// base64url string (27 MB of text for a 20 MB file); it is read as it arrives and decoded on the fly, so
// memory stays at a network chunk or two however large the file and however many downloads run. Each
// download holds a share of the instance's download budget until it ends (lib/downloads).
//
// Which part is meant: the message is read first (format=full), so an attachment that is not in that message
// is refused and the file gets the part's own name and type. Gmail hands out a fresh attachment id on every
// read of a message (the emulator keeps them stable); an id from an earlier read still fetches the bytes, and
// then the part is recognised by its size, or the file is served as plain bytes under a neutral name.
import type { Account } from "@/generated/prisma/client";
import { AppError } from "../errors";
import { instanceDownloadBudget } from "../downloads/instance-budget";
import { type MessageAttachment, extractMessageContent } from "../mime/message-content";
import { gmailUsersFor } from "./gmail-client";
import { statusOf } from "./gmail-errors";
import { withAccount } from "./mailbox-access";
import { streamGmailField } from "./stream-gmail-field";

export type AttachmentDownload = {
  filename: string;
  mimeType: string;
  /** Decoded size in bytes, as Gmail declares it in its answer; null when it did not say before the bytes. */
  size: number | null;
  body: ReadableStream<Uint8Array>;
};

export type GetAttachmentOptions = {
  /** One of the signed-in user's accounts, resolved by the caller. */
  account: Account;
  messageId: string;
  attachmentId: string;
};

function notInMessage(cause?: unknown): AppError {
  return new AppError("not_found", "This attachment is not in this message.", { cause });
}

/** Which listed attachment a fetched body is: by id, else by a size no other attachment has. */
function partFor(attachments: readonly MessageAttachment[], attachmentId: string, size: number | null): MessageAttachment | undefined {
  const byId = attachments.find((attachment) => attachment.attachmentId === attachmentId);
  if (byId || size === null) return byId;
  const sameSize = attachments.filter((attachment) => attachment.attachmentId !== null && attachment.size === size);
  return sameSize.length === 1 ? sameSize[0] : undefined;
}

/** What to reserve: the listed size, or for an id from an earlier read, the largest this message could hand. */
function reservedBytes(attachments: readonly MessageAttachment[], attachmentId: string): number {
  const byId = attachments.find((attachment) => attachment.attachmentId === attachmentId);
  if (byId) return byId.size;
  return Math.max(0, ...attachments.map((attachment) => attachment.size));
}

export async function getAttachment(options: GetAttachmentOptions): Promise<AttachmentDownload> {
  return withAccount(options.account, "message", async (accessToken) => {
    const gmail = gmailUsersFor(accessToken);
    const { data: message } = await gmail.getMessage({ userId: "me", id: options.messageId, format: "full" });
    const { attachments } = extractMessageContent(message.payload);
    const listed = attachments.some((attachment) => attachment.attachmentId === options.attachmentId);
    // No attachment at all: whatever the id, it cannot be one of this message's.
    if (!listed && !attachments.some((attachment) => attachment.attachmentId !== null)) throw notInMessage();

    const release = instanceDownloadBudget().reserve(options.account.userId, reservedBytes(attachments, options.attachmentId));
    let field;
    try {
      field = await streamGmailField(
        (signal) => gmail.streamAttachment({ userId: "me", messageId: options.messageId, id: options.attachmentId }, signal),
        "data",
        { onClose: release, expectedSize: (numbers) => numbers.get("size") ?? null },
      );
    } catch (error) {
      release();
      // Gmail refuses an id that is not one of this message's (404, or 400 for a malformed one).
      const status = statusOf(error);
      if (status === 404 || status === 400) throw notInMessage(error);
      throw error;
    }
    const size = field.numbers.get("size") ?? null;
    const part = partFor(attachments, options.attachmentId, size);
    return {
      filename: part?.filename ?? "",
      mimeType: part?.mimeType ?? "application/octet-stream",
      size,
      body: field.body,
    };
  });
}
