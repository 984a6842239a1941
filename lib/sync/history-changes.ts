// Which conversations a run of Gmail history records touched. Each record may name
// several messages in its typed arrays (`messages` repeats them untyped and is ignored). A conversation is
// fetched again whatever happened to it: the list decides from its current labels whether it still belongs.
import type { gmail_v1 } from "@googleapis/gmail";

export function changedThreadIds(records: readonly gmail_v1.Schema$History[]): string[] {
  const ids = new Set<string>();
  const add = (message: gmail_v1.Schema$Message | undefined) => {
    if (message?.threadId) ids.add(message.threadId);
  };
  for (const record of records) {
    for (const entry of record.messagesAdded ?? []) add(entry.message);
    for (const entry of record.messagesDeleted ?? []) add(entry.message);
    for (const entry of record.labelsAdded ?? []) add(entry.message);
    for (const entry of record.labelsRemoved ?? []) add(entry.message);
  }
  return [...ids];
}

/** Compares uint64 history ids given as decimal strings. */
export function compareHistoryIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
