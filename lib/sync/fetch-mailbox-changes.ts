import "server-only";
// What changed in a mailbox since a history position: history.list from there (following
// its pages), then one batch of threads.get?format=metadata for exactly the conversations it touched. One
// round trip when nothing changed, two when something did. A position Gmail no longer keeps (404) or more
// change than a live list should patch in place is reported as such, with the mailbox's current position,
// so the browser reloads its list instead.
import type { gmail_v1 } from "@googleapis/gmail";
import { batchGetThreads } from "../gmail/batch-get-threads";
import { gmailUsersFor } from "../gmail/gmail-client";
import { SUMMARY_HEADERS } from "../gmail/summary-headers";
import { changedThreadIds } from "./history-changes";

/** More conversations than this changed at once: reload instead (a batch is at most 100 parts anyway). */
export const MAX_CHANGED_THREADS = 100;
const HISTORY_PAGE_SIZE = 500;
const MAX_HISTORY_PAGES = 4;

export type MailboxChanges =
  | { kind: "changes"; historyId: string; threads: gmail_v1.Schema$Thread[]; removals: string[] }
  | { kind: "expired" | "too_many"; historyId: string };

function statusOf(error: unknown): number | undefined {
  const candidate = error as { status?: unknown; response?: { status?: unknown } } | null;
  const status = candidate?.response?.status ?? candidate?.status;
  return typeof status === "number" ? status : undefined;
}

/** The mailbox's current history position (users.getProfile). */
export async function currentHistoryId(accessToken: string): Promise<string> {
  const { data } = await gmailUsersFor(accessToken).getProfile({ userId: "me" });
  if (!data.historyId) throw new Error("Gmail's profile has no historyId");
  return data.historyId;
}

export async function fetchMailboxChanges(accessToken: string, since: string): Promise<MailboxChanges> {
  const users = gmailUsersFor(accessToken);
  const records: gmail_v1.Schema$History[] = [];
  let historyId = since;
  let pageToken: string | undefined;
  for (let page = 0; ; page += 1) {
    let data: gmail_v1.Schema$ListHistoryResponse;
    try {
      ({ data } = await users.listHistory({
        userId: "me",
        startHistoryId: since,
        maxResults: HISTORY_PAGE_SIZE,
        ...(pageToken ? { pageToken } : {}),
      }));
    } catch (error) {
      // Gmail keeps history for about a week, sometimes only hours: the position is gone.
      if (statusOf(error) === 404) return { kind: "expired", historyId: await currentHistoryId(accessToken) };
      throw error;
    }
    records.push(...(data.history ?? []));
    if (data.historyId) historyId = data.historyId;
    pageToken = data.nextPageToken ?? undefined;
    if (!pageToken) break;
    if (page + 1 >= MAX_HISTORY_PAGES) return { kind: "too_many", historyId };
  }

  const threadIds = changedThreadIds(records);
  if (threadIds.length > MAX_CHANGED_THREADS) return { kind: "too_many", historyId };
  if (threadIds.length === 0) return { kind: "changes", historyId, threads: [], removals: [] };
  const { found, missing } = await batchGetThreads(accessToken, threadIds, { format: "metadata", metadataHeaders: SUMMARY_HEADERS });
  return { kind: "changes", historyId, threads: found, removals: missing };
}
