import "server-only";
// The change bus of one process (SQLite): listeners are called on the next tick, as a NOTIFY would arrive.
import type { ChangeBus, ChangeListener, ChangeNotice } from "./change-bus";
import { metrics } from "../metrics/registry";

export class LocalChangeBus implements ChangeBus {
  readonly #listeners = new Set<ChangeListener>();

  publish(notice: ChangeNotice): Promise<void> {
    metrics().changeBusNotifications.inc({ direction: "published" });
    setImmediate(() => {
      for (const listener of this.#listeners) {
        metrics().changeBusNotifications.inc({ direction: "received" });
        listener.notice(notice);
      }
    });
    return Promise.resolve();
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  listening(): Promise<void> {
    return Promise.resolve();
  }
}
