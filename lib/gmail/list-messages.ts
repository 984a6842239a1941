import "server-only";
// One inbox page: one messages.list, then one batch of metadata gets for the whole page. Two sequential
// Gmail round trips, whatever the page size.
import { batchGetMessages } from "./batch-get-messages";
import { createGmailClient } from "./gmail-client";
import { withMailbox } from "./mailbox-access";
import { type MessageSummary, summarizeMessage } from "./message-headers";

export type MessagePage = { messages: MessageSummary[]; nextPageToken?: string; resultSizeEstimate: number };

export type ListMessagesOptions = {
  userId: string;
  /** A label id, or undefined for all mail (Gmail leaves spam and trash out unless asked). */
  labelId?: string;
  q?: string;
  pageToken?: string;
  pageSize: number;
};

const SUMMARY_HEADERS = ["From", "Subject", "Date"] as const;

export async function listMessages(options: ListMessagesOptions): Promise<MessagePage> {
  return withMailbox(options.userId, "page", async (accessToken) => {
    const { data } = await createGmailClient(accessToken).users.messages.list({
      userId: "me",
      maxResults: options.pageSize,
      ...(options.labelId ? { labelIds: [options.labelId] } : {}),
      ...(options.q ? { q: options.q } : {}),
      ...(options.pageToken ? { pageToken: options.pageToken } : {}),
    });
    const ids = (data.messages ?? []).map((message) => message.id).filter((id): id is string => Boolean(id));
    const messages = await batchGetMessages(accessToken, ids, { format: "metadata", metadataHeaders: SUMMARY_HEADERS });
    return {
      messages: messages.map(summarizeMessage),
      ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
      resultSizeEstimate: data.resultSizeEstimate ?? messages.length,
    };
  });
}
