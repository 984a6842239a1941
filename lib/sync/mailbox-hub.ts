import "server-only";
// This instance's live mailboxes: one feed per account that has an open stream here, and what drives them.
// - Change notices from the bus (a push received by any instance) sync the feeds of that mailbox.
// - Without push, every feed is polled (history.list, one call when nothing changed); with push, slowly, as a
//   safety net, since Google may delay or drop notifications.
// - With push, each watched mailbox's users.watch is kept alive (mailbox-watch.ts).
// - Every few seconds, one query per table checks that each stream's session and account still stand, and
//   ends the streams of a signed-out session or an account that needs re-authorization.
// Nothing runs for an account nobody is looking at.
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { getDb } from "../db";
import { logWarn } from "../log";
import { onServerStopping } from "../server-stopping";
import { changeBus } from "./change-bus";
import { MailboxFeed, type Sink } from "./mailbox-feed";
import { ensureMailboxWatch } from "./mailbox-watch";

const SESSION_SWEEP_MS = 10_000;
const WATCH_CHECK_MS = 60 * 60_000;

export type HubSink = Sink & {
  accountId: string;
  /** Closes the stream without `end`: the client reconnects (to this instance or another). */
  close: () => void;
};

export class MailboxHub {
  readonly #feeds = new Map<string, { feed: MailboxFeed; watching: Promise<unknown> }>();
  readonly #sinks = new Set<HubSink>();
  #unsubscribe: (() => void) | undefined;
  #timers: NodeJS.Timeout[] = [];

  /** Adds a stream for `account`; resolves once it has been sent `ready`. Returns how to remove it. */
  async open(account: Account, sink: HubSink, since: string | null): Promise<() => void> {
    this.#start();
    let entry = this.#feeds.get(account.id);
    if (!entry) {
      entry = { feed: new MailboxFeed(account.id, account.email ?? ""), watching: ensureMailboxWatch(account) };
      this.#feeds.set(account.id, entry);
    }
    this.#sinks.add(sink);
    const joined = entry.feed;
    // `ready` promises that changes from then on arrive: with push, once the mailbox is watched, and once this
    // instance hears the change bus (on PostgreSQL, its LISTEN is in place).
    await Promise.all([entry.watching, changeBus().listening()]);
    await joined.join(sink, since);
    return () => this.#remove(joined, sink);
  }

  /** Streams open on this instance. */
  get size(): number {
    return this.#sinks.size;
  }

  /** Closes every stream (the server is stopping): clients reconnect and resume with their Last-Event-ID. */
  closeAll(): void {
    for (const sink of [...this.#sinks]) sink.close();
  }

  #remove(feed: MailboxFeed, sink: HubSink): void {
    this.#sinks.delete(sink);
    feed.leave(sink);
    if (feed.sinks.size === 0 && this.#feeds.get(feed.accountId)?.feed === feed) {
      feed.close();
      this.#feeds.delete(feed.accountId);
    }
  }

  #start(): void {
    if (this.#unsubscribe) return;
    this.#unsubscribe = changeBus().subscribe({
      notice: ({ email, historyId }) => {
        for (const { feed } of this.#feeds.values()) if (feed.email === email) feed.requestSync("push", historyId);
      },
      reconnected: () => {
        for (const { feed } of this.#feeds.values()) feed.requestSync("bus_reconnect");
      },
    });
    const { sync } = getConfig();
    const every = (ms: number, run: () => void) => {
      const timer = setInterval(run, ms);
      timer.unref();
      this.#timers.push(timer);
    };
    every(sync.push ? sync.safetyPollMs : sync.pollIntervalMs, () => {
      for (const { feed } of this.#feeds.values()) feed.requestSync("poll");
    });
    if (sync.push) every(WATCH_CHECK_MS, () => void this.#renewWatches());
    every(SESSION_SWEEP_MS, () => void this.#sweep().catch((error: unknown) => logWarn("sync.sweep_failed", { error: String(error) })));
  }

  async #renewWatches(): Promise<void> {
    const ids = [...this.#feeds.keys()];
    if (ids.length === 0) return;
    const accounts = await getDb().account.findMany({ where: { id: { in: ids } } });
    for (const account of accounts) await ensureMailboxWatch(account);
  }

  /** Ends the streams whose session ended (sign-out, revocation) or whose account needs re-authorization. */
  async #sweep(): Promise<void> {
    const sinks = [...this.#sinks];
    if (sinks.length === 0) return;
    const hashes = [...new Set(sinks.map((sink) => sink.sessionHash).filter((hash): hash is string => hash !== null))];
    const accountIds = [...new Set(sinks.map((sink) => sink.accountId))];
    const db = getDb();
    const [sessions, accounts] = await Promise.all([
      db.session.findMany({ where: { sessionToken: { in: hashes }, expires: { gt: new Date() } }, select: { sessionToken: true } }),
      db.account.findMany({ where: { id: { in: accountIds } }, select: { id: true, reauthReason: true } }),
    ]);
    const liveSessions = new Set(sessions.map((session) => session.sessionToken));
    const accountState = new Map(accounts.map((account) => [account.id, account.reauthReason]));
    for (const sink of sinks) {
      if (!this.#sinks.has(sink)) continue;
      if (sink.sessionHash === null || !liveSessions.has(sink.sessionHash)) sink.end("signed_out");
      else if (!accountState.has(sink.accountId)) sink.end("account_removed");
      else if (accountState.get(sink.accountId)) sink.end("reauth_required");
    }
  }
}

const SHARED = Symbol.for("mailroom.mailboxHub");
type Shared = { [SHARED]?: MailboxHub };

/** This process's hub (on globalThis: every bundle that opens a stream must share it). */
export function mailboxHub(): MailboxHub {
  const shared = globalThis as Shared;
  if (!shared[SHARED]) {
    const hub = new MailboxHub();
    shared[SHARED] = hub;
    // Stopping: let the streams go at once, so the server can close, and the clients resume elsewhere.
    onServerStopping(() => hub.closeAll());
  }
  return shared[SHARED];
}
