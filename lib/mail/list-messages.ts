import "server-only";
// One inbox page: one messages.list, then the metadata gets for the whole page, batched (batches of at most
// 50 parts sent in parallel). Two sequential Gmail round trips, whatever the page size. A message deleted
// between the list and the batch is simply not on the page.
import { batchGetMessages } from "../gmail/batch-get-messages";
import { gmailUsersFor } from "../gmail/gmail-client";
import type { Account } from "@/generated/prisma/client";
import { withAccount } from "../gmail/mailbox-access";
import { SUMMARY_METADATA } from "../gmail/summary-headers";
import { assertKnownLabel } from "./assert-known-label";
import { type MessageSummary, summarizeMessage } from "../mime/message-headers";

export type MessagePage = { messages: MessageSummary[]; nextPageToken?: string; resultSizeEstimate: number };

export type ListMessagesOptions = {
  /** The linked account to read, resolved once by the page or route handler. */
  account: Account;
  /** A label id, or "ALL" for all mail (Gmail leaves spam and trash out unless asked). */
  label: string;
  q?: string;
  pageToken?: string;
  pageSize: number;
};

export async function listMessages(options: ListMessagesOptions): Promise<MessagePage> {
  await assertKnownLabel(options.account, options.label);
  return withAccount(options.account, "page", async (accessToken) => {
    const { data } = await gmailUsersFor(accessToken).listMessages({
      userId: "me",
      maxResults: options.pageSize,
      ...(options.label === "ALL" ? {} : { labelIds: [options.label] }),
      ...(options.q ? { q: options.q } : {}),
      ...(options.pageToken ? { pageToken: options.pageToken } : {}),
    });
    const ids = (data.messages ?? []).map((message) => message.id).filter((id): id is string => Boolean(id));
    const { found: messages } = await batchGetMessages(accessToken, ids, SUMMARY_METADATA);
    return {
      messages: messages.map(summarizeMessage),
      ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
      resultSizeEstimate: data.resultSizeEstimate ?? messages.length,
    };
  });
}
