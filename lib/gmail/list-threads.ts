import "server-only";
// One page of conversations: one threads.list, then threads.get?format=metadata for the whole page, batched
// (batches of at most 50 parts sent in parallel). Two sequential Gmail round trips, whatever the page size.
// A conversation deleted between the list and the batch is simply not on the page.
import type { gmail_v1 } from "@googleapis/gmail";
import { batchGetThreads } from "./batch-get-threads";
import { gmailUsersFor } from "./gmail-client";
import { type ListMessagesOptions, SUMMARY_METADATA, assertKnownLabel } from "./list-messages";
import { withMailbox } from "./mailbox-access";
import { summarizeThread } from "./thread-headers";
import type { ThreadPage, ThreadSummary } from "./thread-summary";

/** The same request as a page of messages: the account, a label, a search, a position and a size. */
export type ListThreadsOptions = ListMessagesOptions;

/** Which conversations a page lists: a label ("ALL" for all mail), an optional search, a position, a size. */
export type ThreadPageRequest = Pick<ListThreadsOptions, "label" | "q" | "pageToken" | "pageSize">;

/**
 * A page as Gmail answers it: the threads.list items (each with the historyId the page cache needs) and the
 * conversations the one batch fetched. Both round trips; listThreads and the page cache summarise it.
 */
export async function fetchThreadPage(
  accessToken: string,
  request: ThreadPageRequest,
): Promise<{ listed: gmail_v1.Schema$Thread[]; found: gmail_v1.Schema$Thread[]; nextPageToken?: string; resultSizeEstimate?: number }> {
  const { data } = await gmailUsersFor(accessToken).listThreads({
    userId: "me",
    maxResults: request.pageSize,
    ...(request.label === "ALL" ? {} : { labelIds: [request.label] }),
    ...(request.q ? { q: request.q } : {}),
    ...(request.pageToken ? { pageToken: request.pageToken } : {}),
  });
  const listed = data.threads ?? [];
  const ids = listed.map((thread) => thread.id).filter((id): id is string => Boolean(id));
  const { found } = await batchGetThreads(accessToken, ids, SUMMARY_METADATA);
  return {
    listed,
    found,
    ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
    ...(typeof data.resultSizeEstimate === "number" ? { resultSizeEstimate: data.resultSizeEstimate } : {}),
  };
}

export async function listThreads(options: ListThreadsOptions): Promise<ThreadPage> {
  const selector = { userId: options.userId, account: options.account };
  await assertKnownLabel(selector, options.label);
  return withMailbox(selector, "page", async (accessToken) => {
    const { found, nextPageToken, resultSizeEstimate } = await fetchThreadPage(accessToken, options);
    const threads = found
      .map((thread) => summarizeThread(thread, { label: options.label }))
      .filter((thread): thread is ThreadSummary => thread !== null);
    return { threads, ...(nextPageToken ? { nextPageToken } : {}), resultSizeEstimate: resultSizeEstimate ?? threads.length };
  });
}
