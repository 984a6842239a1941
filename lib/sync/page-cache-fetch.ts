import "server-only";
// The Gmail calls behind a cached page: the cold page (listThreads' own fetch: one threads.list, one batch of
// threads.get?format=metadata), keeping what a later revisit needs; history since a point; and
// the one batch that fetches changed conversations again.
import type { gmail_v1 } from "@googleapis/gmail";
import { batchGetThreads } from "../gmail/batch-get-threads";
import { fetchThreadPage } from "../gmail/fetch-thread-page";
import { gmailUsersFor } from "../gmail/gmail-client";
import { SUMMARY_HEADERS } from "../gmail/summary-headers";
import { summarizeThread } from "../gmail/thread-headers";
import type { ThreadSummary } from "../mail/thread-summary";
import type { OrderedPage } from "./revisit-apply";
import { type PageView, type RowOrder, rowOrderOf } from "./revisit-order";

const METADATA = { format: "metadata", metadataHeaders: SUMMARY_HEADERS } as const;

/** Gmail's history page size limit: more records than this is "too many changes" for a revisit. */
const HISTORY_PAGE_SIZE = 500;

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

export type HistorySince =
  | { kind: "changes"; records: gmail_v1.Schema$History[]; historyId: string | undefined }
  /** More than one page of history: too many changes to apply. `historyId` is still the mailbox's current. */
  | { kind: "too_many"; historyId: string | undefined }
  /** Gmail keeps no history from that point (404, "perform a full sync"). */
  | { kind: "expired" };

function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === "number" ? status : undefined;
}

/** history.list since `startHistoryId`: one request, every history type, up to one page of records. */
export async function historySince(accessToken: string, startHistoryId: string): Promise<HistorySince> {
  let data: gmail_v1.Schema$ListHistoryResponse;
  try {
    ({ data } = await gmailUsersFor(accessToken).listHistory({ userId: "me", startHistoryId, maxResults: HISTORY_PAGE_SIZE }));
  } catch (error) {
    // 404 is Gmail's "too old"; a 400 would mean it refuses our stored point: either way, start over.
    const status = statusOf(error);
    if (status === 404 || status === 400) return { kind: "expired" };
    throw error;
  }
  const historyId = data.historyId ?? undefined;
  if (data.nextPageToken) return { kind: "too_many", historyId };
  return { kind: "changes", records: data.history ?? [], historyId };
}

/** The mailbox's current history id (getProfile): where to start once Gmail no longer has a page's history. */
export async function currentHistoryId(accessToken: string): Promise<string | undefined> {
  const { data } = await gmailUsersFor(accessToken).getProfile({ userId: "me" });
  return data.historyId ?? undefined;
}

export function refetchThreads(accessToken: string, ids: readonly string[]) {
  return batchGetThreads(accessToken, ids, METADATA);
}
