import "server-only";
// One page of conversations: one threads.list, then threads.get?format=metadata for the whole page, batched
// (batches of at most 50 parts sent in parallel). Two sequential Gmail round trips, whatever the page size.
// A conversation deleted between the list and the batch is simply not on the page.
import { batchGetThreads } from "./batch-get-threads";
import { gmailUsersFor } from "./gmail-client";
import { type ListMessagesOptions, SUMMARY_HEADERS, assertKnownLabel } from "./list-messages";
import { withMailbox } from "./mailbox-access";
import { summarizeThread } from "./thread-headers";
import type { ThreadPage, ThreadSummary } from "./thread-summary";

/** The same request as a page of messages: the account, a label, a search, a position and a size. */
export type ListThreadsOptions = ListMessagesOptions;

export async function listThreads(options: ListThreadsOptions): Promise<ThreadPage> {
  const selector = { userId: options.userId, account: options.account };
  await assertKnownLabel(selector, options.label);
  return withMailbox(selector, "page", async (accessToken) => {
    const { data } = await gmailUsersFor(accessToken).listThreads({
      userId: "me",
      maxResults: options.pageSize,
      ...(options.label === "ALL" ? {} : { labelIds: [options.label] }),
      ...(options.q ? { q: options.q } : {}),
      ...(options.pageToken ? { pageToken: options.pageToken } : {}),
    });
    const ids = (data.threads ?? []).map((thread) => thread.id).filter((id): id is string => Boolean(id));
    const { found } = await batchGetThreads(accessToken, ids, { format: "metadata", metadataHeaders: SUMMARY_HEADERS });
    const threads = found
      .map((thread) => summarizeThread(thread, { label: options.label }))
      .filter((thread): thread is ThreadSummary => thread !== null);
    return {
      threads,
      ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
      resultSizeEstimate: data.resultSizeEstimate ?? threads.length,
    };
  });
}
