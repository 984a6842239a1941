import "server-only";
// One inbox page: one messages.list, then the metadata gets for the whole page, batched (batches of at most
// 50 parts sent in parallel). Two sequential Gmail round trips, whatever the page size. A message deleted
// between the list and the batch is simply not on the page.
import { AppError } from "../errors";
import { batchGetMessages } from "./batch-get-messages";
import type { BatchGetOptions } from "./batch-get";
import { gmailUsersFor } from "./gmail-client";
import { listUserLabels } from "./list-labels";
import { type AccountSelector, withMailbox } from "./mailbox-access";
import { type MessageSummary, summarizeMessage } from "./message-headers";

export type MessagePage = { messages: MessageSummary[]; nextPageToken?: string; resultSizeEstimate: number };

export type ListMessagesOptions = {
  userId: string;
  /** One of the user's linked accounts by address; the default account when not given. */
  account?: string | undefined;
  /** A label id, or "ALL" for all mail (Gmail leaves spam and trash out unless asked). */
  label: string;
  q?: string;
  pageToken?: string;
  pageSize: number;
};

/** How every listing fetches its rows: metadata with the headers a row shows, and no more. */
export const SUMMARY_METADATA: BatchGetOptions = { format: "metadata", metadataHeaders: ["From", "Subject", "Date"] };

/** A user label must be one of the user's own; system labels are known without asking Gmail. */
export async function assertKnownLabel(selector: AccountSelector, label: string): Promise<void> {
  if (!label.startsWith("Label_")) return;
  const labels = await listUserLabels(selector);
  if (!labels.some((candidate) => candidate.id === label)) {
    throw new AppError("bad_request", "Invalid request: label is not one of your labels.");
  }
}

export async function listMessages(options: ListMessagesOptions): Promise<MessagePage> {
  const selector = { userId: options.userId, account: options.account };
  await assertKnownLabel(selector, options.label);
  return withMailbox(selector, "page", async (accessToken) => {
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
