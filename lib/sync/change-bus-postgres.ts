import "server-only";
// The change bus across instances sharing PostgreSQL: each instance keeps one dedicated connection that
// LISTENs (started when its first listener subscribes), and publishes with pg_notify through the shared
// Prisma pool. A dropped listening connection is reopened with backoff; since NOTIFYs sent meanwhile are
// lost, listeners are then told to sync everything they watch.
import pg from "pg";
import { getDb } from "../db";
import { logInfo, logWarn } from "../log";
import { metrics } from "../metrics/registry";
import type { ChangeBus, ChangeListener, ChangeNotice } from "./change-bus";

export const CHANNEL = "mailroom_mailbox_changes";
const MAX_BACKOFF_MS = 30_000;
/** How long a stream waits for the LISTEN before it is announced ready regardless (it catches up on reconnect). */
const LISTEN_WAIT_MS = 5_000;

function parseNotice(payload: string | undefined): ChangeNotice | null {
  try {
    const value = JSON.parse(payload ?? "") as { email?: unknown; historyId?: unknown };
    if (typeof value.email !== "string") return null;
    return { email: value.email, historyId: typeof value.historyId === "string" ? value.historyId : null };
  } catch {
    return null;
  }
}

export class PostgresChangeBus implements ChangeBus {
  readonly #listeners = new Set<ChangeListener>();
  #client: pg.Client | null = null;
  #starting = false;
  #backoffMs = 500;
  /** Whether notices may have been missed since the first listener subscribed (a failed or dropped connection). */
  #missedNotices = false;
  #closed = false;
  /** Callers of listening() waiting for the LISTEN to be in place. */
  readonly #waiting = new Set<() => void>();

  constructor(private readonly url: string) {}

  async publish(notice: ChangeNotice): Promise<void> {
    // The payload limit is 8000 bytes; an address and a history id are far below it.
    await getDb().$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(notice)})`;
    metrics().changeBusNotifications.inc({ direction: "published" });
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    if (!this.#client && !this.#starting) void this.#connect();
    return () => this.#listeners.delete(listener);
  }

  listening(): Promise<void> {
    if (this.#client || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, LISTEN_WAIT_MS);
      timer.unref();
      this.#waiting.add(done);
    });
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    this.#starting = true;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL) return;
      const notice = parseNotice(message.payload);
      if (!notice) return;
      metrics().changeBusNotifications.inc({ direction: "received" });
      for (const listener of this.#listeners) listener.notice(notice);
    });
    const lost = (error?: unknown) => {
      if (this.#client !== client) return;
      this.#client = null;
      this.#missedNotices = true;
      logWarn("sync.bus_disconnected", { error: error instanceof Error ? error.name : "closed" });
      client.end().catch(() => {});
      this.#retry();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.#starting = false;
      this.#missedNotices = true;
      client.end().catch(() => {});
      logWarn("sync.bus_connect_failed", { error: error instanceof Error ? error.name : "unknown" });
      this.#retry();
      return;
    }
    this.#client = client;
    this.#starting = false;
    this.#backoffMs = 500;
    for (const done of [...this.#waiting]) done();
    if (this.#missedNotices) {
      this.#missedNotices = false;
      logInfo("sync.bus_reconnected", {});
      for (const listener of this.#listeners) listener.reconnected();
    }
  }

  /** Stops listening for good (tests; an instance keeps its bus for its whole life). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    for (const done of [...this.#waiting]) done();
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  #retry(): void {
    if (this.#closed) return;
    const delay = this.#backoffMs;
    this.#backoffMs = Math.min(this.#backoffMs * 2, MAX_BACKOFF_MS);
    setTimeout(() => void this.#connect(), delay).unref();
  }
}
