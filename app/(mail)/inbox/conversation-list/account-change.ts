// A live change applied to the rows on screen. In one account's inbox it is the list's own change; in All
// accounts it concerns one account's rows only (two accounts may share a thread id), whose updated rows are
// then merged back among the others newest first, as the page itself merges them. Pure, tested without a browser.
import { type ThreadListChange, applyThreadListChange, timeOf } from "../../../_components/thread-list-change";
import type { ConversationRow } from "./rows";

/** `account`: the mailbox that changed, in All accounts; undefined in one account's inbox. */
export function applyAccountChange(
  rows: readonly ConversationRow[],
  change: ThreadListChange,
  account: string | undefined,
  options: { insertNew: boolean },
): ConversationRow[] {
  if (account === undefined) return applyThreadListChange(rows, change, options);
  const others = rows.filter((row) => row.account !== account);
  const mine = applyThreadListChange(
    rows.filter((row) => row.account === account),
    change,
    options,
  ).map((row): ConversationRow => ({ ...row, account }));
  // Both lists are newest first: merge them, the changed account's row first on equal times.
  const merged: ConversationRow[] = [];
  let i = 0;
  let j = 0;
  while (i < mine.length || j < others.length) {
    const next = mine[i];
    const other = others[j];
    if (next && (!other || timeOf(next) >= timeOf(other))) {
      merged.push(next);
      i += 1;
    } else if (other) {
      merged.push(other);
      j += 1;
    }
  }
  return merged;
}
