import "server-only";
import { gmailUsersFor } from "../gmail/gmail-client";
import type { Account } from "@/generated/prisma/client";
import { withAccount } from "../gmail/mailbox-access";

/**
 * The conversation a message belongs to (one messages.get?format=minimal): old links name a message, and a
 * message id is a thread id only for the first message of its conversation.
 */
export async function threadIdOfMessage(options: { account: Account; id: string }): Promise<string> {
  return withAccount(options.account, "message", async (accessToken) => {
    const { data } = await gmailUsersFor(accessToken).getMessage({ userId: "me", id: options.id, format: "minimal" });
    return data.threadId ?? options.id;
  });
}
