// Pub/Sub delivers at least once: the same message (same messageId) may come again. Remembering recent ids
// turns a redelivery into a no-op here; one that reaches another instance costs at most a history.list that
// finds nothing new, since every instance skips positions it has already synced past.
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

export class SeenMessages {
  readonly #seen = new Map<string, number>();

  has(id: string, now = Date.now()): boolean {
    const at = this.#seen.get(id);
    return at !== undefined && now - at < TTL_MS;
  }

  /** Call once the message has had its effect: one that failed half-way must be taken again. */
  remember(id: string, now = Date.now()): void {
    this.#seen.delete(id);
    this.#seen.set(id, now);
    // Map keeps insertion order: the oldest entries come first.
    for (const [key, time] of this.#seen) {
      if (this.#seen.size <= MAX_ENTRIES && now - time < TTL_MS) break;
      this.#seen.delete(key);
    }
  }
}
