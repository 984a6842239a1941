import "server-only";
// One page of conversations, summarised for the inbox: two sequential Gmail round trips whatever the page size
// (lib/gmail/fetch-thread-page.ts). A conversation deleted between the list and the batch is not on the page.
import { fetchThreadPage } from "../gmail/fetch-thread-page";
import { assertKnownLabel } from "./assert-known-label";
import type { ListMessagesOptions } from "./list-messages";
import { withAccount } from "../gmail/mailbox-access";
import { summarizeThread } from "../gmail/thread-headers";
import type { ThreadPage, ThreadSummary } from "./thread-summary";

/** The same request as a page of messages: the account, a label, a search, a position and a size. */
export type ListThreadsOptions = ListMessagesOptions;

export async function listThreads(options: ListThreadsOptions): Promise<ThreadPage> {
  await assertKnownLabel(options.account, options.label);
  return withAccount(options.account, "page", async (accessToken) => {
    const { found, nextPageToken, resultSizeEstimate } = await fetchThreadPage(accessToken, options);
    const threads = found
      .map((thread) => summarizeThread(thread, { label: options.label }))
      .filter((thread): thread is ThreadSummary => thread !== null);
    return { threads, ...(nextPageToken ? { nextPageToken } : {}), resultSizeEstimate: resultSizeEstimate ?? threads.length };
  });
}
