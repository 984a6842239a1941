import { DraftStore } from "./drafts-store";
import { type HistoryEntry, HistoryLog } from "./history-log";
import { messageIdFor, nextMessageId } from "./ids";
import { IMMUTABLE_LABELS, type Label, SYSTEM_LABELS, userLabel } from "./labels-catalog";
import type { MessageContent } from "./message-content";
import { type MatchContext, normaliseLabelName, type SearchDoc } from "./search-matcher";
import { SendAsList } from "./send-as-store";

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

export interface InsertOptions {
  content: MessageContent | ((id: string) => MessageContent);
  internalDate: number;
  labelIds: readonly string[];
  /** The seed passes a fixed id so ids are the same on every start; otherwise derived from the date. */
  id?: string;
  idSalt?: string;
  recordHistory: boolean;
  /**
   * Left out: the thread is found from In-Reply-To/References alone (mail inserted through the control API);
   * null: a new thread; a thread id: that thread (sending and delivery apply Gmail's rules first).
   */
  threadId?: string | null;
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
  readonly drafts = new DraftStore();
  readonly sendAs = new SendAsList();

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

  /** labels.patch/update: replaces a user label's definition (same id). */
  putLabel(label: Label): void {
    this.labels.set(label.id, label);
  }

  /** labels.delete: the label leaves every message (one labelsRemoved record), then the catalogue. */
  removeLabel(id: string): void {
    this.changeLabels(
      this.ordered.filter((m) => m.labelIds.includes(id)),
      [],
      [id],
    );
    this.labels.delete(id);
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
    const threadId =
      options.threadId === undefined
        ? (content.replyTo.map((ref) => this.threadByHeaderId.get(ref)).find((t) => t !== undefined) ?? id)
        : (options.threadId ?? id);
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
    if (options.recordHistory) this.history.record(historyId, [{ type: "messageAdded", message }]);
    return message;
  }

  /** The message whose Message-ID header is `headerId` (lower case, no brackets), if it is still here. */
  messageByHeaderId(headerId: string): StoredMessage | undefined {
    const threadId = this.threadByHeaderId.get(headerId);
    return this.threads.get(threadId ?? "")?.find((m) => m.content.messageIdHeader === headerId);
  }

  /** Every message, newest first (list order). */
  get messages(): readonly StoredMessage[] {
    return this.ordered;
  }

  /** Why these labels cannot be added or removed by a client (Gmail's 400 text), or undefined. */
  labelProblem(ids: readonly string[]): string | undefined {
    const bad = ids.find((id) => !this.labels.has(id) || IMMUTABLE_LABELS.has(id));
    return bad === undefined ? undefined : `Invalid label: ${bad}`;
  }

  /**
   * Applies one label change to several messages as one history record (a batchModify or threads.modify is
   * one change). Messages the change leaves as they were are not touched. Labels must be checked first.
   */
  changeLabels(messages: readonly StoredMessage[], add: readonly string[], remove: readonly string[]): void {
    const entries: HistoryEntry[] = [];
    const touched: StoredMessage[] = [];
    for (const message of messages) {
      const added = [...new Set(add)].filter((id) => !message.labelIds.includes(id) && !remove.includes(id));
      const removed = [...new Set(remove)].filter((id) => message.labelIds.includes(id));
      if (added.length === 0 && removed.length === 0) continue;
      message.labelIds = [...message.labelIds.filter((id) => !removed.includes(id)), ...added];
      touched.push(message);
      if (added.length > 0) entries.push({ type: "labelAdded", message, labelIds: added });
      if (removed.length > 0) entries.push({ type: "labelRemoved", message, labelIds: removed });
    }
    if (touched.length === 0) return;
    const historyId = this.history.next();
    for (const message of touched) message.historyId = historyId;
    this.history.record(historyId, entries);
  }

  /** Deletes messages for good (messages.delete, batchDelete, threads.delete): one messagesDeleted record. */
  deleteMessages(messages: readonly StoredMessage[]): void {
    const gone = [...new Set(messages)].filter((m) => this.byId.get(m.id) === m);
    if (gone.length === 0) return;
    for (const message of gone) {
      this.byId.delete(message.id);
      this.ordered.splice(this.ordered.indexOf(message), 1);
      const rest = (this.threads.get(message.threadId) ?? []).filter((m) => m !== message);
      if (rest.length > 0) this.threads.set(message.threadId, rest);
      else this.forgetThread(message.threadId);
    }
    this.history.record(
      this.history.next(),
      gone.map((message) => ({ type: "messageDeleted", message })),
    );
  }

  /** For search: label names and ids (lower case) to ids, the owner, the clock. */
  matchContext(now: number): MatchContext {
    const labelIdsByName = new Map<string, string>();
    for (const label of this.labels.values()) {
      labelIdsByName.set(normaliseLabelName(label.name), label.id);
      labelIdsByName.set(label.id.toLowerCase(), label.id);
    }
    return { userEmail: this.email, now, labelIdsByName };
  }

  /** A reply to a deleted conversation starts a new one, as it has nothing left to join. */
  private forgetThread(threadId: string): void {
    this.threads.delete(threadId);
    for (const [header, thread] of this.threadByHeaderId) if (thread === threadId) this.threadByHeaderId.delete(header);
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
