import "server-only";
// The whole message as the sender's MIME text (.eml), for a body too large to show: messages.get?format=raw
// streamed, its base64url `raw` decoded on the fly, so no size of message is ever held in memory. Counts
// against the same download budget as attachments.
import type { Account } from "@/generated/prisma/client";
import { instanceDownloadBudget } from "../downloads/instance-budget";
import { headerValue } from "../mime/message-headers";
import { decodeEncodedWords } from "../mime/encoded-words";
import { gmailUsersFor } from "./gmail-client";
import { withAccount } from "./mailbox-access";
import { streamGmailField } from "./stream-gmail-field";

export type RawMessageDownload = {
  /** The subject, for the saved file's name ("message" when there is none). */
  filename: string;
  mimeType: "message/rfc822";
  /** Unknown before the bytes: Gmail's sizeEstimate is only an estimate. */
  size: null;
  body: ReadableStream<Uint8Array>;
};

export async function getRawMessage(options: { account: Account; id: string }): Promise<RawMessageDownload> {
  return withAccount(options.account, "message", async (accessToken) => {
    const gmail = gmailUsersFor(accessToken);
    // A missing message answers 404 here, before any budget is taken or any byte is promised.
    const { data: message } = await gmail.getMessage({ userId: "me", id: options.id, format: "metadata", metadataHeaders: ["Subject"] });
    const subject = decodeEncodedWords(headerValue(message.payload?.headers, "Subject") ?? "").trim();
    const release = instanceDownloadBudget().reserve(options.account.userId, message.sizeEstimate ?? 0);
    try {
      const field = await streamGmailField((signal) => gmail.streamRawMessage({ userId: "me", id: options.id }, signal), "raw", {
        onClose: release,
      });
      return { filename: `${subject || "message"}.eml`, mimeType: "message/rfc822", size: null, body: field.body };
    } catch (error) {
      release();
      throw error;
    }
  });
}
