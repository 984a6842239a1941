// Applies conversations fetched again after a revisit's history to the cached page: rows updated in place,
// rows gone from the view removed, rows that moved or arrived placed where every ordering Gmail might use
// agrees (see revisit-order), and "fetch the page cold" whenever that place is not certain. Pure.
import type { gmail_v1 } from "@googleapis/gmail";
import type { ThreadPage, ThreadSummary } from "../mail/thread-summary";
import type { ColdReason } from "./revisit-plan";
import { threadInView } from "../gmail/labels";
import { type PageView, type RowOrder, rowOrderOf, sameOrder, surelyAbove } from "./revisit-order";

/** A page as cached: what was shown, and each row's sort interval (undefined when unknowable). */
export type OrderedPage = { page: ThreadPage; order: ReadonlyMap<string, RowOrder | undefined> };

export type Summarize = (thread: gmail_v1.Schema$Thread, label: string) => ThreadSummary | null;

type Row = { summary: ThreadSummary; order: RowOrder | undefined };

/** How far inserted rows may grow a page before it is fetched cold again (its next page token stays valid). */
export function maxRowsFor(pageSize: number): number {
  return Math.ceil(pageSize * 1.5);
}

/**
 * The page after the changes. `found` are the conversations fetched again (as threads.get returns them),
 * `missing` those Gmail answered 404 for (deleted).
 */
export function applyRefetched(
  cached: OrderedPage,
  view: PageView,
  refetched: { found: readonly gmail_v1.Schema$Thread[]; missing: readonly string[] },
  summarize: Summarize,
): { kind: "page"; page: OrderedPage } | { kind: "cold"; reason: ColdReason } {
  const { page } = cached;
  const onPage = new Set(page.threads.map((thread) => thread.id));
  const gone = new Set(refetched.missing);
  const updated = new Map<string, Row>();
  const moving: Row[] = [];

  for (const thread of refetched.found) {
    const id = thread.id;
    if (!id) continue;
    const summary = threadInView(thread.messages ?? [], view.label) ? summarize(thread, view.label) : null;
    if (!summary) {
      gone.add(id);
      continue;
    }
    const row = { summary, order: rowOrderOf(thread, view.label) };
    if (onPage.has(id) && sameOrder(cached.order.get(id), row.order)) updated.set(id, row);
    else moving.push(row);
  }

  // The rows whose place did not change, in Gmail's order, with their new content.
  const movingIds = new Set(moving.map((row) => row.summary.id));
  const base: Row[] = page.threads
    .filter((thread) => !gone.has(thread.id) && !movingIds.has(thread.id))
    .map((thread) => updated.get(thread.id) ?? { summary: thread, order: cached.order.get(thread.id) });

  const placed = placeRows(base, moving, { laterPage: Boolean(view.pageToken), morePages: Boolean(page.nextPageToken) });
  if (placed === null) return { kind: "cold", reason: "ambiguous_order" };

  const rows = placed;
  const left = page.threads.filter((thread) => gone.has(thread.id)).length;
  const entered = rows.filter((row) => !onPage.has(row.summary.id)).length;
  // An emptied first page would show nothing while mail remains further on; an overgrown one is refetched.
  if ((rows.length === 0 && page.nextPageToken) || rows.length > maxRowsFor(view.pageSize)) return { kind: "cold", reason: "reshaped" };

  return {
    kind: "page",
    page: {
      page: {
        threads: rows.map((row) => row.summary),
        ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        // An estimate, as Gmail's own is; kept in step with what was seen to enter and leave.
        resultSizeEstimate: Math.max(rows.length, page.resultSizeEstimate + entered - left),
      },
      order: new Map(rows.map((row) => [row.summary.id, row.order])),
    },
  };
}

/**
 * Places each moving row among the base rows, or null when any place is uncertain. A row that sorts below
 * every base row while more pages follow belongs to a later page and is left out; one that sorts above every
 * row of a later page may belong to an earlier one, which only Gmail can say.
 */
function placeRows(base: readonly Row[], moving: readonly Row[], pages: { laterPage: boolean; morePages: boolean }): Row[] | null {
  const slots = new Map<number, Row[]>();
  for (const row of moving) {
    const order = row.order;
    if (!order) return null;
    let position = 0;
    for (const [index, other] of base.entries()) {
      if (!other.order) return null;
      if (surelyAbove(other.order, order)) {
        // Everything above must come before everything below, as Gmail ordered the base.
        if (index !== position) return null;
        position += 1;
      } else if (!surelyAbove(order, other.order)) return null;
    }
    if (position === 0 && pages.laterPage) return null;
    if (position === base.length && pages.morePages) {
      if (base.length === 0) return null;
      continue;
    }
    slots.set(position, [...(slots.get(position) ?? []), row]);
  }

  const rows: Row[] = [];
  for (let index = 0; index <= base.length; index += 1) {
    const here = (slots.get(index) ?? []).sort((a, b) => b.order!.newest - a.order!.newest);
    // Rows landing in the same slot must be ordered among themselves with the same certainty.
    for (let i = 0; i + 1 < here.length; i += 1) if (!surelyAbove(here[i]!.order!, here[i + 1]!.order!)) return null;
    rows.push(...here);
    const next = base[index];
    if (next) rows.push(next);
  }
  return rows;
}
