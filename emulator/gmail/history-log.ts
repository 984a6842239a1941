/** Gmail's mailbox history (wire spec §5.5): one record per change, ids ascending. */
export interface HistoryRecord {
  id: number;
  message: { id: string; threadId: string; labelIds: string[] };
  change: { messagesAdded?: true; labelsAdded?: string[]; labelsRemoved?: string[] };
}

export type HistoryType = "messageAdded" | "messageDeleted" | "labelAdded" | "labelRemoved";

export class HistoryLog {
  private current: number;
  /** History before this id is not kept (the seed); asking for it is Gmail's "too old" 404. */
  private oldest: number;
  private readonly records: HistoryRecord[] = [];

  constructor(startId: number) {
    this.current = startId;
    this.oldest = startId;
  }

  get currentId(): number {
    return this.current;
  }

  get oldestId(): number {
    return this.oldest;
  }

  next(): number {
    this.current += 1;
    return this.current;
  }

  /** Forgets what came before: the seeded state is the oldest point a client can sync from. */
  truncate(): void {
    this.records.length = 0;
    this.oldest = this.current;
  }

  record(id: number, message: { id: string; threadId: string; labelIds: readonly string[] }, change: HistoryRecord["change"]): void {
    this.records.push({ id, message: { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] }, change });
  }

  since(options: { start: number; after?: number; labelId?: string; types?: ReadonlySet<HistoryType>; max: number }): {
    records: HistoryRecord[];
    nextAfter?: number;
  } {
    const matching = this.records.filter((r) => r.id > options.start && (options.after === undefined || r.id > options.after));
    const selected = matching.filter((r) => matchesFilter(r, options.labelId, options.types));
    const page = selected.slice(0, options.max);
    const last = page[page.length - 1];
    return { records: page, ...(selected.length > options.max && last ? { nextAfter: last.id } : {}) };
  }
}

function matchesFilter(record: HistoryRecord, labelId: string | undefined, types: ReadonlySet<HistoryType> | undefined): boolean {
  const { change } = record;
  if (types && types.size > 0) {
    const wanted =
      (change.messagesAdded === true && types.has("messageAdded")) ||
      (change.labelsAdded !== undefined && types.has("labelAdded")) ||
      (change.labelsRemoved !== undefined && types.has("labelRemoved"));
    if (!wanted) return false;
  }
  if (labelId === undefined) return true;
  return (
    record.message.labelIds.includes(labelId) ||
    (change.labelsAdded ?? []).includes(labelId) ||
    (change.labelsRemoved ?? []).includes(labelId)
  );
}

/** The JSON Gmail sends for one history record. */
export function historyRecordJson(record: HistoryRecord): Record<string, unknown> {
  const ref = { id: record.message.id, threadId: record.message.threadId };
  const full = { ...ref, labelIds: record.message.labelIds };
  const json: Record<string, unknown> = { id: String(record.id), messages: [ref] };
  if (record.change.messagesAdded) json.messagesAdded = [{ message: full }];
  if (record.change.labelsAdded) json.labelsAdded = [{ message: full, labelIds: record.change.labelsAdded }];
  if (record.change.labelsRemoved) json.labelsRemoved = [{ message: full, labelIds: record.change.labelsRemoved }];
  return json;
}
