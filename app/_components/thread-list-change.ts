// How a live change applies to a list of conversations on screen. Pure: the hook (use-mailbox-events.ts)
// and the inbox's list component use it, and it is tested without a browser.
import type { ThreadSummary } from "@/lib/mail/thread-summary";
import { belongsInView } from "@/lib/gmail/labels";
import type { ChangeEvent } from "@/lib/sync/stream-events";

/** For a list: conversations to show (new or changed) and conversations to take out. */
export type ThreadListChange = { upserts: ThreadSummary[]; removals: string[] };

/** A stream's change, as it applies to the list of `label`: a conversation no longer in that view is a removal. */
export function listChangeOf(event: Pick<ChangeEvent, "upserts" | "removals">, label: string): ThreadListChange {
  const upserts = event.upserts.filter((thread) => belongsInView(thread.labelIds, label));
  const leaving = event.upserts.filter((thread) => !belongsInView(thread.labelIds, label)).map((thread) => thread.id);
  return { upserts, removals: [...new Set([...event.removals, ...leaving])] };
}

/** A row's date as a number to sort by, newest first; a row without a usable date sorts last. */
export function timeOf(thread: Pick<ThreadSummary, "date">): number {
  const time = thread.date ? Date.parse(thread.date) : NaN;
  return Number.isFinite(time) ? time : -Infinity;
}

/**
 * The list after a change: removals taken out; a conversation already shown is updated in place, or moves up
 * to its place when it has a newer message; a new one goes where its date puts it among the rows, when
 * `insertNew` (the first page of a list without a search: a search's matches, and later pages, are Gmail's
 * to decide) and when it is not older than every row (it would belong to a later page). Never a duplicate.
 */
export function applyThreadListChange(
  threads: readonly ThreadSummary[],
  change: ThreadListChange,
  options: { insertNew: boolean },
): ThreadSummary[] {
  const removed = new Set(change.removals);
  let result = threads.filter((thread) => !removed.has(thread.id));
  for (const upsert of change.upserts) {
    if (removed.has(upsert.id)) continue;
    const index = result.findIndex((thread) => thread.id === upsert.id);
    const existing = result[index];
    if (existing && timeOf(upsert) <= timeOf(existing)) {
      result = result.with(index, upsert);
      continue;
    }
    if (!existing && !options.insertNew) continue;
    const rest = existing ? result.filter((thread) => thread.id !== upsert.id) : result;
    const last = rest[rest.length - 1];
    if (!existing && last && timeOf(upsert) < timeOf(last)) continue;
    const at = rest.findIndex((thread) => timeOf(thread) < timeOf(upsert));
    result = at === -1 ? [...rest, upsert] : [...rest.slice(0, at), upsert, ...rest.slice(at)];
  }
  return result;
}
