// What the browser does to the list the moment the user acts, before Gmail answers: pure functions over the
// rows, so the optimistic change, its rollback and its undo are exact and testable without a browser.
import type { MailAction } from "@/lib/mail/mail-actions";
import type { ThreadSummary } from "@/lib/mail/thread-summary";
import { GmailLabel, belongsInView, labelChangeOf, withLabelChange } from "@/lib/gmail/labels";

/** A conversation as the list shows it; `account` is set in All accounts, where rows come from several. */
export type ConversationRow = ThreadSummary & { account?: string };

/** Rows are told apart by account and thread: two accounts may share a thread id. */
export function rowKey(row: Pick<ConversationRow, "id" | "account">): string {
  return `${row.account ?? ""}/${row.id}`;
}

/** The row after the change, or the same object when the change does nothing to it. */
export function withAction(row: ConversationRow, action: MailAction, labelId?: string): ConversationRow {
  const labelIds = withLabelChange(row.labelIds, labelChangeOf(action, labelId));
  if (labelIds === row.labelIds) return row;
  return { ...row, labelIds: [...labelIds], unread: labelIds.includes(GmailLabel.UNREAD), starred: labelIds.includes(GmailLabel.STARRED) };
}

/** Star is one key and one button: it stars unless every target is starred already. */
export function starToggleFor(rows: readonly ConversationRow[]): "star" | "unstar" {
  return rows.length > 0 && rows.every((row) => row.starred) ? "unstar" : "star";
}

/** One row changed by an action: how it was, and where it stood in the list. */
export type Snapshot = { row: ConversationRow; index: number };

/**
 * An action the list shows before Gmail confirms it. `do` applies the action to its rows (those that no
 * longer belong in the list leave it); `undo` puts rows back as they were, where they were.
 */
export type LocalChange = {
  id: number;
  kind: "do" | "undo";
  action: MailAction;
  labelId?: string;
  /** The rows the action changes, as they were before it. */
  snapshots: Snapshot[];
  /** Confirmed by Gmail; kept only until the server's fresh list arrives. */
  settled: boolean;
};

/** The rows among `keys` that the action would change, in list order, as snapshots. */
export function snapshotsFor(
  rows: readonly ConversationRow[],
  keys: ReadonlySet<string>,
  action: MailAction,
  labelId?: string,
): Snapshot[] {
  const snapshots: Snapshot[] = [];
  rows.forEach((row, index) => {
    if (keys.has(rowKey(row)) && withAction(row, action, labelId) !== row) snapshots.push({ row, index });
  });
  return snapshots;
}

export function applyChange(rows: readonly ConversationRow[], change: LocalChange, label: string): ConversationRow[] {
  const byKey = new Map(change.snapshots.map((snapshot) => [rowKey(snapshot.row), snapshot]));
  if (change.kind === "do") {
    const result: ConversationRow[] = [];
    for (const row of rows) {
      if (!byKey.has(rowKey(row))) {
        result.push(row);
        continue;
      }
      const changed = withAction(row, change.action, change.labelId);
      // A row leaves only if the action took it out of this list; one the server listed anyway (a search
      // such as in:anywhere) stays.
      if (belongsInView(row.labelIds, label) && !belongsInView(changed.labelIds, label)) continue;
      result.push(changed);
    }
    return result;
  }
  const result = rows.map((row) => byKey.get(rowKey(row))?.row ?? row);
  const present = new Set(result.map(rowKey));
  for (const snapshot of [...change.snapshots].sort((a, b) => a.index - b.index)) {
    if (present.has(rowKey(snapshot.row))) continue;
    result.splice(Math.min(snapshot.index, result.length), 0, snapshot.row);
  }
  return result;
}

/** What the list shows: the server's rows with every change Gmail has not yet reflected in them. */
export function displayedRows(base: readonly ConversationRow[], changes: readonly LocalChange[], label: string): ConversationRow[] {
  return changes.reduce<ConversationRow[]>((rows, change) => applyChange(rows, change, label), [...base]);
}
