import "server-only";
// What changed in a mailbox since a history position: history.list from there (following its pages), then
// one batch of threads.get?format=metadata for exactly the conversations it touched. One round trip when
// nothing changed, two when something did. A position Gmail will not follow (lib/gmail/history.ts: 404 for
// history it no longer keeps, 400 for a position it refuses) or more change than a live list should patch in
// place is reported as such, with the mailbox's current position, so the browser reloads its list instead.
import type { gmail_v1 } from "@googleapis/gmail";
import { batchGetThreads } from "../gmail/batch-get-threads";
import { currentHistoryId, readHistory } from "../gmail/history";
import { SUMMARY_METADATA } from "../gmail/summary-headers";
import { changedThreadIds } from "./history-changes";

/** More conversations than this changed at once: reload instead (a batch is at most 100 parts anyway). */
export const MAX_CHANGED_THREADS = 100;
const MAX_HISTORY_PAGES = 4;

export type MailboxChanges =
  | { kind: "changes"; historyId: string; threads: gmail_v1.Schema$Thread[]; removals: string[] }
  | { kind: "expired" | "too_many"; historyId: string };

export async function fetchMailboxChanges(accessToken: string, since: string): Promise<MailboxChanges> {
  const history = await readHistory(accessToken, since, { maxPages: MAX_HISTORY_PAGES });
  if (history.kind === "expired") return { kind: "expired", historyId: await currentHistoryId(accessToken) };
  if (history.kind === "too_many") return history;
  const { historyId } = history;
  const threadIds = changedThreadIds(history.records);
  if (threadIds.length > MAX_CHANGED_THREADS) return { kind: "too_many", historyId };
  if (threadIds.length === 0) return { kind: "changes", historyId, threads: [], removals: [] };
  const { found, missing } = await batchGetThreads(accessToken, threadIds, SUMMARY_METADATA);
  return { kind: "changes", historyId, threads: found, removals: missing };
}
