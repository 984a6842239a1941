// Where a conversation belongs in a listing, as far as Mailroom can tell without asking Gmail to list again.
//
// Gmail lists a label's conversations newest first, but does not document "newest" by which message: the
// newest message carrying the label (what the emulator does), or the newest message of the conversation
// (what Gmail's web UI appears to do when you reply). So a row's place is known only as an interval: at least
// its newest message *in the view* (`matching`), at most its newest message of all (`newest`). A revisit
// moves or inserts a row only where every ordering in that interval puts it at the same place; anywhere
// else it refetches the page instead.
import type { gmail_v1 } from "@googleapis/gmail";
import { belongsInView } from "../gmail/labels";

/** What a page lists: a label ("ALL" for all mail) and an optional search, from a position, so many rows. */
export type PageView = { label: string; q?: string | undefined; pageToken?: string | undefined; pageSize: number };

/** A row's sort interval, in Gmail's internalDate milliseconds (see above). */
export type RowOrder = { matching: number; newest: number };

function internalDateOf(message: gmail_v1.Schema$Message): number | null {
  const value = Number(message.internalDate);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * The row's sort interval in the view; undefined when it cannot be known (the conversation is not in the
 * view, or a message has no usable internalDate), which callers treat as "order unknown": never moved.
 */
export function rowOrderOf(thread: gmail_v1.Schema$Thread, label: string): RowOrder | undefined {
  let matching = -Infinity;
  let newest = -Infinity;
  for (const message of thread.messages ?? []) {
    const date = internalDateOf(message);
    if (date === null) return undefined;
    newest = Math.max(newest, date);
    if (belongsInView(message.labelIds ?? [], label)) matching = Math.max(matching, date);
  }
  return matching === -Infinity ? undefined : { matching, newest };
}

/** `a` sorts above `b` under every ordering both intervals allow. */
export function surelyAbove(a: RowOrder, b: RowOrder): boolean {
  return a.matching > b.newest;
}

export function sameOrder(a: RowOrder | undefined, b: RowOrder | undefined): boolean {
  return a !== undefined && b !== undefined && a.matching === b.matching && a.newest === b.newest;
}
