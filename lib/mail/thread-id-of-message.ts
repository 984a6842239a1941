import "server-only";
import { gmailUsersFor } from "../gmail/gmail-client";
import { withMailbox } from "../gmail/mailbox-access";

/**
 * The conversation a message belongs to (one messages.get?format=minimal): old links name a message, and a
 * message id is a thread id only for the first message of its conversation.
 */
export async function threadIdOfMessage(options: { userId: string; account?: string | undefined; id: string }): Promise<string> {
  return withMailbox({ userId: options.userId, account: options.account }, "message", async (accessToken) => {
    const { data } = await gmailUsersFor(accessToken).getMessage({ userId: "me", id: options.id, format: "minimal" });
    return data.threadId ?? options.id;
  });
}
