import "server-only";
// The Gmail calls behind a cached page: the cold page (listThreads' own fetch: one threads.list, one batch of
// threads.get?format=metadata), keeping what a later revisit needs, and the one batch that fetches changed
// conversations again. History since the page is lib/gmail/history.ts's.
import type { gmail_v1 } from "@googleapis/gmail";
import { batchGetThreads } from "../gmail/batch-get-threads";
import { fetchThreadPage } from "../gmail/fetch-thread-page";
import { SUMMARY_METADATA } from "../gmail/summary-headers";
import { summarizeThread } from "../gmail/thread-headers";
import type { ThreadSummary } from "../mail/thread-summary";
import type { OrderedPage } from "./revisit-apply";
import { type PageView, type RowOrder, rowOrderOf } from "./revisit-order";

export function summarizeForView(thread: gmail_v1.Schema$Thread, label: string): ThreadSummary | null {
  return summarizeThread(thread, { label });
}

/** The largest of Gmail's history ids (uint64 decimal strings), or undefined when there is none. */
export function maxHistoryId(ids: readonly (string | null | undefined)[]): string | undefined {
  let best: bigint | undefined;
  for (const id of ids) {
    if (!id || !/^\d{1,20}$/.test(id)) continue;
    const value = BigInt(id);
    if (best === undefined || value > best) best = value;
  }
  return best?.toString();
}

/**
 * One page, cold, and the history id it is current as of.
 *
 * That id is the largest historyId among the threads.list items (list time, not batch time). Every change
 * Gmail makes after it answered the list gets a history id above the mailbox's current one at that moment,
 * which is at or above every id in the list; so history since this id misses nothing that happened after
 * the list. It may repeat changes from before (already in the page): applying those again is harmless.
 * Ids from the batch would not do: a conversation modified between the list and the batch carries a newer
 * id, and history since it would skip another conversation that arrived in between. `floor` is a mailbox
 * history id read before the list was sent (a revisit's history.list answer), equally safe and often newer.
 */
export async function fetchPageCold(
  accessToken: string,
  view: PageView,
  floor: string | undefined,
): Promise<{ page: OrderedPage; historyId: string | undefined }> {
  const { listed, found, nextPageToken, resultSizeEstimate } = await fetchThreadPage(accessToken, view);
  const threads: ThreadSummary[] = [];
  const order = new Map<string, RowOrder | undefined>();
  for (const thread of found) {
    const summary = summarizeForView(thread, view.label);
    if (!summary) continue;
    threads.push(summary);
    order.set(summary.id, rowOrderOf(thread, view.label));
  }
  return {
    page: {
      page: {
        threads,
        ...(nextPageToken ? { nextPageToken } : {}),
        resultSizeEstimate: resultSizeEstimate ?? threads.length,
      },
      order,
    },
    historyId: maxHistoryId([...listed.map((thread) => thread.historyId), floor]),
  };
}

export function refetchThreads(accessToken: string, ids: readonly string[]) {
  return batchGetThreads(accessToken, ids, SUMMARY_METADATA);
}
