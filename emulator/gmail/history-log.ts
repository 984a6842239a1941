/** A message as a history record shows it: its id, thread and labels at the time of the change. */
export interface HistoryMessage {
  id: string;
  threadId: string;
  labelIds: string[];
}

export type HistoryType = "messageAdded" | "messageDeleted" | "labelAdded" | "labelRemoved";

/** One message's part in a change; `labelIds` are the labels added or removed (label entries only). */
export interface HistoryEntry {
  type: HistoryType;
  message: HistoryMessage;
  labelIds?: string[];
}

/** Gmail's mailbox history: one record per change, ids ascending; one record may touch several messages. */
export interface HistoryRecord {
  id: number;
  entries: HistoryEntry[];
}

export class HistoryLog {
  private current: number;
  /** History before this id is not kept (the seed); asking for it is Gmail's "too old" 404. */
  private oldest: number;
  private readonly records: HistoryRecord[] = [];
  /** Told about every recorded change (Gmail push: a watched mailbox notifies its topic). */
  onRecord: ((record: HistoryRecord) => void) | undefined;

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

  /**
   * Gmail's retention ran out (`POST /__emulator/history/expire`): every history id handed out so far,
   * the current one included, is now too old, so a client's next history.list gets 404 and must resync.
   */
  expire(): void {
    this.next();
    this.truncate();
  }

  record(id: number, entries: HistoryEntry[]): void {
    if (entries.length === 0) return;
    // A snapshot: the labels as they are after this change, whatever happens to the message later.
    const snapshot = (e: HistoryEntry): HistoryEntry => ({
      type: e.type,
      message: { id: e.message.id, threadId: e.message.threadId, labelIds: [...e.message.labelIds] },
      ...(e.labelIds ? { labelIds: [...e.labelIds] } : {}),
    });
    const record: HistoryRecord = { id, entries: entries.map(snapshot) };
    this.records.push(record);
    this.onRecord?.(record);
  }

  since(options: { start: number; after?: number; labelId?: string; types?: ReadonlySet<HistoryType>; max: number }): {
    records: HistoryRecord[];
    nextAfter?: number;
  } {
    const selected: HistoryRecord[] = [];
    for (const record of this.records) {
      if (record.id <= options.start || (options.after !== undefined && record.id <= options.after)) continue;
      const entries = record.entries.filter((e) => matchesFilter(e, options.labelId, options.types));
      if (entries.length > 0) selected.push({ id: record.id, entries });
    }
    const page = selected.slice(0, options.max);
    const last = page[page.length - 1];
    return { records: page, ...(selected.length > options.max && last ? { nextAfter: last.id } : {}) };
  }
}

function matchesFilter(entry: HistoryEntry, labelId: string | undefined, types: ReadonlySet<HistoryType> | undefined): boolean {
  if (types && types.size > 0 && !types.has(entry.type)) return false;
  if (labelId === undefined) return true;
  return entry.message.labelIds.includes(labelId) || (entry.labelIds ?? []).includes(labelId);
}

const ARRAY_OF: Record<HistoryType, string> = {
  messageAdded: "messagesAdded",
  messageDeleted: "messagesDeleted",
  labelAdded: "labelsAdded",
  labelRemoved: "labelsRemoved",
};

/**
 * The JSON Gmail sends for one history record: `messages` names every message touched (id and thread only),
 * then one typed array per kind of change. A deleted message is named without labels.
 */
export function historyRecordJson(record: HistoryRecord): Record<string, unknown> {
  const refs = new Map<string, { id: string; threadId: string }>();
  for (const { message } of record.entries) refs.set(message.id, { id: message.id, threadId: message.threadId });
  const json: Record<string, unknown> = { id: String(record.id), messages: [...refs.values()] };
  for (const type of ["messageAdded", "messageDeleted", "labelAdded", "labelRemoved"] as const) {
    const entries = record.entries.filter((e) => e.type === type);
    if (entries.length === 0) continue;
    json[ARRAY_OF[type]] = entries.map((e) => {
      if (type === "messageDeleted") return { message: { id: e.message.id, threadId: e.message.threadId } };
      return e.labelIds ? { message: e.message, labelIds: e.labelIds } : { message: e.message };
    });
  }
  return json;
}
