import "server-only";
// One message, ready to show (message-detail has how it is read).
import { gmailUsersFor } from "../gmail/gmail-client";
import type { Account } from "@/generated/prisma/client";
import { withAccount } from "../gmail/mailbox-access";
import { type MessageDetail, messageDetailOf } from "../gmail/message-detail";
import { referencedPartReader } from "../gmail/read-referenced-part";

export type { AttachmentInfo, MessageDetail } from "../gmail/message-detail";

export async function getMessage(options: { account: Account; id: string; allowRemoteImages?: boolean }): Promise<MessageDetail> {
  return withAccount(options.account, "message", async (accessToken) => {
    const gmail = gmailUsersFor(accessToken);
    const { data } = await gmail.getMessage({ userId: "me", id: options.id, format: "full" });
    return messageDetailOf(data, {
      allowRemoteImages: options.allowRemoteImages ?? false,
      readReferencedPart: referencedPartReader(gmail, data.id ?? options.id),
    });
  });
}
