import "server-only";
// One message, ready to show (message-detail has how it is read).
import { gmailUsersFor } from "./gmail-client";
import { withMailbox } from "./mailbox-access";
import { type MessageDetail, messageDetailOf } from "./message-detail";
import { referencedPartReader } from "./read-referenced-part";

export type { AttachmentInfo, MessageDetail } from "./message-detail";

export async function getMessage(options: {
  userId: string;
  account?: string | undefined;
  id: string;
  allowRemoteImages?: boolean;
}): Promise<MessageDetail> {
  return withMailbox({ userId: options.userId, account: options.account }, "message", async (accessToken) => {
    const gmail = gmailUsersFor(accessToken);
    const { data } = await gmail.getMessage({ userId: "me", id: options.id, format: "full" });
    return messageDetailOf(data, {
      allowRemoteImages: options.allowRemoteImages ?? false,
      readReferencedPart: referencedPartReader(gmail, data.id ?? options.id),
    });
  });
}
