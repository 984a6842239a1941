import "server-only";
// One page of conversations as Gmail answers it: one threads.list, then threads.get?format=metadata for the
// whole page, batched (batches of at most 50 parts sent in parallel). Two sequential Gmail round trips,
// whatever the page size. A conversation deleted between the list and the batch is simply not in `found`.
import type { gmail_v1 } from "@googleapis/gmail";
import { batchGetThreads } from "./batch-get-threads";
import { gmailUsersFor } from "./gmail-client";
import { SUMMARY_METADATA } from "./summary-headers";

/** Which conversations a page lists: a label ("ALL" for all mail), an optional search, a position, a size. */
export type ThreadPageRequest = { label: string; q?: string | undefined; pageToken?: string | undefined; pageSize: number };

/**
 * The threads.list items (each with the historyId the page cache needs) and the conversations the one batch
 * fetched. listThreads and the page cache summarise it.
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
