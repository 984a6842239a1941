import "server-only";
// How a mailbox change reaches every instance: a push arrives at one instance,
// but the browsers watching that mailbox may hold streams on any of them. On PostgreSQL every instance
// LISTENs on one channel and a notice is a NOTIFY; on SQLite (one machine, normally one process) an
// in-process emitter does the same. Either way the publisher hears its own notices through the same path.
import { getConfig } from "../config";
import { LocalChangeBus } from "./change-bus-local";
import { PostgresChangeBus } from "./change-bus-postgres";

/** A mailbox changed: Gmail's new history position for it, when known (a push names it). */
export type ChangeNotice = { email: string; historyId: string | null };

export type ChangeListener = {
  notice: (notice: ChangeNotice) => void;
  /** Notices may have been lost (the listening connection dropped and came back): sync everything. */
  reconnected: () => void;
};

export interface ChangeBus {
  publish(notice: ChangeNotice): Promise<void>;
  subscribe(listener: ChangeListener): () => void;
  /**
   * Resolves once a notice published from now on reaches this process's listeners (at once in process; on
   * PostgreSQL when the LISTEN is in place, or after a bounded wait, since a late LISTEN is followed by a
   * `reconnected` that syncs everything anyway).
   */
  listening(): Promise<void>;
}

const SHARED = Symbol.for("mailroom.changeBus");
type Shared = { [SHARED]?: ChangeBus };

/** This process's bus, on globalThis: the push route and the streams may live in different bundles. */
export function changeBus(): ChangeBus {
  const shared = globalThis as Shared;
  if (!shared[SHARED]) {
    const { database } = getConfig();
    shared[SHARED] = database.provider === "postgresql" ? new PostgresChangeBus(database.url) : new LocalChangeBus();
  }
  return shared[SHARED];
}
