import "server-only";
// One account's live feed on this instance: the streams open on it, and the history position it has synced
// to. Whatever asks for a sync (a push notice, a poll, a stream resuming) runs through one queue, so there is
// at most one history.list per account per instance at a time, shared by all its streams, and a burst of
// notices while one runs becomes one more sync, not one each.
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError, ReauthRequiredError } from "../errors";
import { currentHistoryId } from "../gmail/history";
import { withAccount } from "../gmail/mailbox-access";
import { summarizeThread } from "../gmail/thread-headers";
import type { ThreadSummary } from "../mail/thread-summary";
import { logWarn } from "../log";
import { metrics } from "../metrics/registry";
import { countRoundTrips } from "../metrics/round-trips";
import { type MailboxChanges, fetchMailboxChanges } from "./fetch-mailbox-changes";
import { compareHistoryIds } from "./history-changes";
import type { EndReason, StreamEventType } from "./stream-events";

/** One open stream, as the feed sees it. */
export type Sink = {
  /** The list the stream's page shows: a conversation's row depends on it (trashed replies are left out elsewhere). */
  label: string | undefined;
  /** The last position this stream's client was told about (its Last-Event-ID); null before `ready`. */
  lastHistoryId: string | null;
  /** SHA-256 of the browser's session token, checked while the stream stays open. */
  sessionHash: string | null;
  send: (type: StreamEventType, data: unknown, id?: string) => void;
  /** Sends `end` and closes the stream: the client must not reconnect. */
  end: (reason: EndReason) => void;
};

export type SyncTrigger = "push" | "trailing" | "poll" | "resume" | "retry" | "bus_reconnect";

const RETRY_MS = [2_000, 5_000, 15_000, 60_000] as const;
/**
 * Gmail notifies at most once a second per mailbox and drops the rest: a change right after
 * a notified one may never be announced. One more history.list this long after a push finds it.
 */
const TRAILING_SYNC_MS = 1_500;

export class MailboxFeed {
  readonly sinks = new Set<Sink>();
  #cursor: string | null = null;
  #queue: Promise<void> = Promise.resolve();
  #syncQueued = false;
  #failures = 0;
  #retryTimer: NodeJS.Timeout | undefined;
  #trailingTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    readonly accountId: string,
    readonly email: string,
  ) {}

  /** Adds a stream, starting it from `since` (its Last-Event-ID) or from now; sends `ready` when it is in. */
  join(sink: Sink, since: string | null): Promise<void> {
    return this.#enqueue(() => this.#join(sink, since));
  }

  leave(sink: Sink): void {
    this.sinks.delete(sink);
  }

  /** Asks for a sync; `historyId` (a push's) lets the feed skip positions it has already synced past. */
  requestSync(trigger: SyncTrigger, historyId: string | null = null): void {
    if (this.#closed || this.sinks.size === 0) return;
    if (trigger === "push") this.#armTrailingSync();
    if (historyId && this.#cursor && compareHistoryIds(historyId, this.#cursor) <= 0) return;
    if (this.#syncQueued) return;
    this.#syncQueued = true;
    void this.#enqueue(async () => {
      this.#syncQueued = false;
      await this.#sync(trigger);
    });
  }

  /** Ends every stream for good (the account is gone or needs re-authorization). */
  endAll(reason: EndReason): void {
    for (const sink of [...this.sinks]) sink.end(reason);
    this.sinks.clear();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#trailingTimer);
  }

  #enqueue(operation: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(operation).catch((error: unknown) => this.#failed(error));
    this.#queue = run;
    return run;
  }

  async #account(): Promise<Account | null> {
    const account = await getDb().account.findUnique({ where: { id: this.accountId } });
    if (!account) this.endAll("account_removed");
    return account;
  }

  async #join(sink: Sink, since: string | null): Promise<void> {
    this.sinks.add(sink);
    const account = await this.#account();
    if (!account) return;
    if (since && this.#cursor && compareHistoryIds(since, this.#cursor) < 0) {
      // The client is behind the feed (it reconnected): catch it up alone, then it moves with the others.
      const changes = await this.#fetch(account, since, "resume");
      this.#deliver(changes, [sink]);
      if (compareHistoryIds(changes.historyId, this.#cursor) > 0) this.requestSync("resume");
    } else if (since) {
      const behind = this.#cursor === null;
      this.#cursor ??= since;
      sink.lastHistoryId = since;
      // A new feed starting from a client's position: what happened since it was last told must come now.
      if (behind) this.requestSync("resume");
    } else {
      this.#cursor ??= await withAccount(account, "labels", currentHistoryId);
      sink.lastHistoryId = this.#cursor;
    }
    const position = sink.lastHistoryId ?? this.#cursor;
    if (position) sink.send("ready", { account: this.email, historyId: position }, position);
  }

  async #sync(trigger: SyncTrigger): Promise<void> {
    if (this.sinks.size === 0) return;
    const account = await this.#account();
    if (!account) return;
    if (this.#cursor === null) {
      // Joining failed before a position was known: start from now.
      this.#cursor = await withAccount(account, "labels", currentHistoryId);
      return;
    }
    const changes = await this.#fetch(account, this.#cursor, trigger);
    this.#deliver(changes, [...this.sinks]);
    this.#cursor = changes.historyId;
  }

  /** After any push, even one for a position already synced: the change after it may go unannounced. */
  #armTrailingSync(): void {
    if (this.#trailingTimer !== undefined) return;
    this.#trailingTimer = setTimeout(() => {
      this.#trailingTimer = undefined;
      this.requestSync("trailing");
    }, TRAILING_SYNC_MS);
    this.#trailingTimer.unref();
  }

  async #fetch(account: Account, since: string, trigger: SyncTrigger): Promise<MailboxChanges> {
    try {
      const changes = await countRoundTrips("change", () =>
        withAccount(account, "page", (accessToken) => fetchMailboxChanges(accessToken, since)),
      );
      const outcome = changes.kind !== "changes" ? changes.kind : changes.threads.length + changes.removals.length > 0 ? "changes" : "none";
      metrics().historyFetches.inc({ trigger, outcome });
      this.#failures = 0;
      return changes;
    } catch (error) {
      metrics().historyFetches.inc({ trigger, outcome: "error" });
      throw error;
    }
  }

  /** Sends what changed to the streams that have not seen it yet, each summarised for its own list. */
  #deliver(changes: MailboxChanges, sinks: readonly Sink[]): void {
    for (const sink of sinks) {
      if (sink.lastHistoryId && compareHistoryIds(changes.historyId, sink.lastHistoryId) <= 0) continue;
      if (changes.kind !== "changes") {
        sink.send("resync", { account: this.email, historyId: changes.historyId, reason: reasonOf(changes.kind) }, changes.historyId);
        sink.lastHistoryId = changes.historyId;
        continue;
      }
      // Nothing to show: the client's Last-Event-ID stays where it was, which costs a reconnect nothing.
      if (changes.threads.length === 0 && changes.removals.length === 0) continue;
      const upserts = changes.threads
        .map((thread) => summarizeThread(thread, { label: sink.label }))
        .filter((thread): thread is ThreadSummary => thread !== null);
      sink.send("change", { account: this.email, historyId: changes.historyId, upserts, removals: changes.removals }, changes.historyId);
      sink.lastHistoryId = changes.historyId;
    }
  }

  #failed(error: unknown): void {
    if (error instanceof ReauthRequiredError) return this.endAll("reauth_required");
    if (error instanceof AppError && error.code === "unauthenticated") return this.endAll("account_removed");
    // Gmail or the database failing for a while: the streams stay open and the feed tries again, backing off.
    const delay = RETRY_MS[Math.min(this.#failures, RETRY_MS.length - 1)]!;
    this.#failures += 1;
    logWarn("sync.feed_failed", {
      accountId: this.accountId,
      error: error instanceof AppError ? error.code : error instanceof Error ? error.name : "unknown",
      retryInMs: delay,
    });
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.requestSync("retry"), delay);
    this.#retryTimer.unref();
  }
}

function reasonOf(kind: "expired" | "too_many"): "history_expired" | "too_many_changes" {
  return kind === "expired" ? "history_expired" : "too_many_changes";
}
