import { type HistoryRecord, HistoryLog } from "./history-log";
import { messageIdFor, nextMessageId } from "./ids";
import { IMMUTABLE_LABELS, type Label, SYSTEM_LABELS, userLabel } from "./labels-catalog";
import type { MessageContent } from "./message-content";
import { type MatchContext, matchesQuery, normaliseLabelName, type SearchDoc } from "./search-matcher";
import { type SearchNode, queryReachesSpamOrTrash } from "./search-parser";

export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  historyId: number;
  sizeEstimate: number;
  doc: SearchDoc;
  content: MessageContent;
}

export interface ListOptions {
  labelIds: readonly string[];
  query?: SearchNode;
  includeSpamTrash: boolean;
  /** Keyset position: only items whose sort id is below this one. */
  before?: string;
  max: number;
  now: number;
}

export interface ListResult<T> {
  items: T[];
  /** The sort id of the last item when more items follow. */
  nextBefore?: string;
  total: number;
}

export interface InsertOptions {
  content: MessageContent | ((id: string) => MessageContent);
  internalDate: number;
  labelIds: readonly string[];
  /** The seed passes a fixed id so ids are the same on every start; otherwise derived from the date. */
  id?: string;
  idSalt?: string;
  recordHistory: boolean;
}

/** One user's mailbox: messages sorted newest first (by id, which encodes the date), threads, labels, history. */
export class Mailbox {
  private readonly byId = new Map<string, StoredMessage>();
  /** Sorted by id, descending: list order. */
  private readonly ordered: StoredMessage[] = [];
  private readonly threads = new Map<string, StoredMessage[]>();
  private readonly threadByHeaderId = new Map<string, string>();
  private readonly labels = new Map<string, Label>(SYSTEM_LABELS.map((l) => [l.id, l]));
  private nextLabelNumber = 1;
  readonly history: HistoryLog;

  constructor(
    readonly email: string,
    startHistoryId: number,
  ) {
    this.history = new HistoryLog(startHistoryId);
  }

  addUserLabel(name: string, color?: Label["color"]): Label {
    const label = userLabel(`Label_${this.nextLabelNumber++}`, name, color);
    this.labels.set(label.id, label);
    return label;
  }

  hasLabel(id: string): boolean {
    return this.labels.has(id);
  }

  listLabels(): Label[] {
    return [...this.labels.values()];
  }

  label(id: string): Label | undefined {
    return this.labels.get(id);
  }

  labelCounts(id: string): { messagesTotal: number; messagesUnread: number; threadsTotal: number; threadsUnread: number } {
    const threads = new Set<string>();
    const unreadThreads = new Set<string>();
    let messagesTotal = 0;
    let messagesUnread = 0;
    for (const m of this.ordered) {
      if (!m.labelIds.includes(id)) continue;
      messagesTotal++;
      threads.add(m.threadId);
      if (m.labelIds.includes("UNREAD")) {
        messagesUnread++;
        unreadThreads.add(m.threadId);
      }
    }
    return { messagesTotal, messagesUnread, threadsTotal: threads.size, threadsUnread: unreadThreads.size };
  }

  get messageCount(): number {
    return this.ordered.length;
  }

  get threadCount(): number {
    return this.threads.size;
  }

  get(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  thread(threadId: string): readonly StoredMessage[] | undefined {
    return this.threads.get(threadId);
  }

  insert(options: InsertOptions): StoredMessage {
    let id = options.id ?? messageIdFor(options.internalDate, options.idSalt ?? `${this.email}:${this.ordered.length}`);
    while (this.byId.has(id)) id = nextMessageId(id);
    const content = typeof options.content === "function" ? options.content(id) : options.content;
    const threadId = content.replyTo.map((ref) => this.threadByHeaderId.get(ref)).find((t) => t !== undefined) ?? id;
    const historyId = this.history.next();
    const message: StoredMessage = {
      id,
      threadId,
      labelIds: [...new Set(options.labelIds)],
      internalDate: options.internalDate,
      historyId,
      sizeEstimate: content.parsed.sizeEstimate,
      doc: content.doc,
      content,
    };
    this.byId.set(id, message);
    this.ordered.splice(this.insertionIndex(id), 0, message);
    const thread = this.threads.get(threadId) ?? [];
    thread.push(message);
    thread.sort((a, b) => a.internalDate - b.internalDate || (a.id < b.id ? -1 : 1));
    this.threads.set(threadId, thread);
    if (content.messageIdHeader) this.threadByHeaderId.set(content.messageIdHeader, threadId);
    if (options.recordHistory) this.history.record(historyId, message, { messagesAdded: true });
    return message;
  }

  /** Applies a label change; returns an error message for an unknown or immutable label. */
  modify(message: StoredMessage, add: readonly string[], remove: readonly string[]): string | undefined {
    for (const id of [...add, ...remove]) {
      if (!this.labels.has(id)) return `Invalid label: ${id}`;
      if (IMMUTABLE_LABELS.has(id)) return `Invalid label: ${id}`;
    }
    const added = add.filter((id) => !message.labelIds.includes(id) && !remove.includes(id));
    const removed = remove.filter((id) => message.labelIds.includes(id));
    if (added.length === 0 && removed.length === 0) return undefined;
    message.labelIds = [...message.labelIds.filter((id) => !removed.includes(id)), ...added];
    message.historyId = this.history.next();
    const change: HistoryRecord["change"] = {};
    if (added.length > 0) change.labelsAdded = added;
    if (removed.length > 0) change.labelsRemoved = removed;
    this.history.record(message.historyId, message, change);
    return undefined;
  }

  listMessages(options: ListOptions): ListResult<StoredMessage> {
    const items: StoredMessage[] = [];
    let total = 0;
    let more = false;
    const accept = this.filterFor(options);
    for (const message of this.ordered) {
      if (!accept(message)) continue;
      total++;
      if (options.before !== undefined && message.id >= options.before) continue;
      if (items.length < options.max) items.push(message);
      else more = true;
    }
    const last = items[items.length - 1];
    return { items, total, ...(more && last ? { nextBefore: last.id } : {}) };
  }

  /** Threads ordered by their newest matching message; each item is that thread's messages. */
  listThreads(options: ListOptions): ListResult<{ threadId: string; sortId: string }> {
    const seen = new Set<string>();
    const items: { threadId: string; sortId: string }[] = [];
    let total = 0;
    let more = false;
    const accept = this.filterFor(options);
    for (const message of this.ordered) {
      if (seen.has(message.threadId) || !accept(message)) continue;
      seen.add(message.threadId);
      total++;
      if (options.before !== undefined && message.id >= options.before) continue;
      if (items.length < options.max) items.push({ threadId: message.threadId, sortId: message.id });
      else more = true;
    }
    const last = items[items.length - 1];
    return { items, total, ...(more && last ? { nextBefore: last.sortId } : {}) };
  }

  private filterFor(options: ListOptions): (m: StoredMessage) => boolean {
    const wantsSpamTrash =
      options.includeSpamTrash ||
      options.labelIds.includes("SPAM") ||
      options.labelIds.includes("TRASH") ||
      (options.query !== undefined && queryReachesSpamOrTrash(options.query));
    const context = this.matchContext(options.now);
    const query = options.query;
    return (m) => {
      if (!wantsSpamTrash && (m.labelIds.includes("SPAM") || m.labelIds.includes("TRASH"))) return false;
      for (const label of options.labelIds) if (!m.labelIds.includes(label)) return false;
      return query === undefined || matchesQuery(query, m, context);
    };
  }

  private matchContext(now: number): MatchContext {
    const labelIdsByName = new Map<string, string>();
    for (const label of this.labels.values()) {
      labelIdsByName.set(normaliseLabelName(label.name), label.id);
      labelIdsByName.set(label.id.toLowerCase(), label.id);
    }
    return { userEmail: this.email, now, labelIdsByName };
  }

  private insertionIndex(id: string): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ordered[mid]?.id ?? "") > id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
