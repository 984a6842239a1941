// Which conversations to prefetch, and when: a pure bookkeeping of wishes (a row the pointer rests on, the
// focused row and the next ones), prefetches loading and prefetches done, within three limits that keep the
// prefetching cheap for Gmail's per-user quota: a few at once per tab, a few waiting (the newest wish first:
// what the person looks at now is what they open next), and a budget per list shown.

export type PrefetchLimits = {
  /** Prefetches loading at once in a tab. */
  maxInFlight: number;
  /** Wishes kept waiting for a free slot; older ones are dropped. */
  maxWaiting: number;
  /** Prefetches started for one list shown (a visit to a page of the inbox). */
  maxPerList: number;
  /** How long a finished prefetch stays usable (the router's own lifetime for it). */
  ttlMs: number;
};

export type PrefetchState = "waiting" | "loading" | "ready";

type Entry = { state: "loading" } | { state: "ready"; at: number };

export class PrefetchQueue {
  readonly #limits: PrefetchLimits;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  /** Oldest first. */
  #waiting: string[] = [];
  #startedForList = 0;

  constructor(limits: PrefetchLimits, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  /** A new list is on screen: its budget starts afresh, and the last list's wishes are gone. */
  startList(): void {
    this.#startedForList = 0;
    this.#waiting = [];
  }

  /** The person may open these (most likely first). Answers the ones to start now. */
  want(hrefs: readonly string[]): string[] {
    const fresh = hrefs.filter((href) => this.stateOf(href) === undefined || this.stateOf(href) === "waiting");
    // Most likely last in the waiting list, since the newest wishes are served first.
    for (const href of fresh.toReversed()) {
      this.#waiting = this.#waiting.filter((waiting) => waiting !== href);
      this.#waiting.push(href);
    }
    this.#waiting = this.#waiting.slice(-(this.#limits.maxInFlight + this.#limits.maxWaiting));
    const started = this.#startWhatFits();
    this.#waiting = this.#waiting.slice(-this.#limits.maxWaiting);
    return started;
  }

  /** A prefetch ended, with its data in the router (`ok`) or not. Answers the ones to start now. */
  finished(href: string, ok: boolean): string[] {
    if (this.#entries.get(href)?.state !== "loading") return [];
    if (ok) this.#entries.set(href, { state: "ready", at: this.#now() });
    else this.#entries.delete(href);
    return this.#startWhatFits();
  }

  /** The router dropped it (or it changed at Gmail): no longer in memory. */
  invalidate(href: string): void {
    if (this.#entries.get(href)?.state === "ready") this.#entries.delete(href);
  }

  /** Nothing more should start until wished again (the tab went to the background). */
  dropWaiting(): void {
    this.#waiting = [];
  }

  stateOf(href: string): PrefetchState | undefined {
    const entry = this.#entries.get(href);
    if (entry?.state === "ready" && this.#now() - entry.at > this.#limits.ttlMs) {
      this.#entries.delete(href);
      return this.#waiting.includes(href) ? "waiting" : undefined;
    }
    return entry?.state ?? (this.#waiting.includes(href) ? "waiting" : undefined);
  }

  #startWhatFits(): string[] {
    const started: string[] = [];
    let loading = [...this.#entries.values()].filter((entry) => entry.state === "loading").length;
    while (loading < this.#limits.maxInFlight && this.#startedForList < this.#limits.maxPerList) {
      const href = this.#waiting.pop();
      if (href === undefined) break;
      this.#entries.set(href, { state: "loading" });
      this.#startedForList += 1;
      loading += 1;
      started.push(href);
    }
    // A spent budget keeps no wishes: they would wait for nothing.
    if (this.#startedForList >= this.#limits.maxPerList) this.#waiting = [];
    return started;
  }
}
