import "server-only";
// A whole conversation, ready to show: one threads.get?format=full, each message read the way a single
// message is (message-detail: charsets, sanitising, attachments).
import { gmailUsersFor } from "../gmail/gmail-client";
import type { Account } from "@/generated/prisma/client";
import { withAccount } from "../gmail/mailbox-access";
import { type MessageDetail, messageDetailOf } from "../gmail/message-detail";
import { referencedPartReader } from "../gmail/read-referenced-part";
import { chronological } from "../gmail/thread-headers";

export type ThreadDetail = {
  id: string;
  /** The first message's subject, as the conversation is named in the list. */
  subject: string;
  /** The union of its messages' labels (Gmail's thread labels). */
  labelIds: string[];
  /** Oldest first; every message, trashed ones included (their labelIds say so). */
  messages: MessageDetail[];
};

export type GetThreadOptions = {
  account: Account;
  id: string;
  allowRemoteImages?: boolean;
};

/** Throws a not_found AppError when no conversation has this id (a message id may: see thread-id-of-message.ts). */
export async function getThread(options: GetThreadOptions): Promise<ThreadDetail> {
  return withAccount(options.account, "message", async (accessToken) => {
    const gmail = gmailUsersFor(accessToken);
    const { data } = await gmail.getThread({ userId: "me", id: options.id, format: "full" });
    const messages = await Promise.all(
      chronological(data.messages ?? []).map((message) =>
        messageDetailOf(message, {
          allowRemoteImages: options.allowRemoteImages ?? false,
          readReferencedPart: referencedPartReader(gmail, message.id ?? ""),
        }),
      ),
    );
    return {
      id: data.id ?? options.id,
      subject: messages[0]?.subject ?? "",
      labelIds: [...new Set(messages.flatMap((message) => message.labelIds))],
      messages,
    };
  });
}
