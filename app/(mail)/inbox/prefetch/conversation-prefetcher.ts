// Prefetching conversations into Next's own client router cache, one prefetcher per tab.
//
// Why Next's router cache and not a cache of our own: `router.prefetch(href, { kind: "full" })` asks the server
// for the conversation page exactly as a click would (the same server render, Gmail read once), and a click on
// that URL within the router's lifetime for it (`staleTimes.static`, five minutes by default) renders it from
// memory with no request at all. A cache of the conversation's data would need a second, browser-side
// rendering of the page to show it without a round trip; this needs none, and shows exactly what the server
// would. Marking read stays where it is: the page marks read in an effect once it is on screen, so a prefetch
// (which is never rendered) marks nothing, and a page shown from memory still marks.
//
// The router says nothing when a prefetch arrives, so the end of one is read from the page's resource timing
// (its request for the link's URL finished), with a time limit in case it never comes (the router already
// had it and asked nothing).
import { PrefetchQueue, type PrefetchState } from "./prefetch-queue";
import { prefetchAllowed } from "./prefetch-allowed";
import { canonicalHref, hrefOfRequest } from "./prefetch-request";

export const PREFETCH_LIMITS = {
  /** Two at once: a hover and the focused row's neighbour; Gmail sees at most this many reads from a tab's prefetching. */
  maxInFlight: 2,
  maxWaiting: 2,
  /** A visit to a list prefetches at most this many conversations (the rows the person considered). */
  maxPerList: 10,
  /** A little longer than the router keeps a full prefetch (five minutes): past it, a wish prefetches again. */
  ttlMs: 5 * 60_000 + 10_000,
  /** The pointer rests this long on a row (or the focus on it) before it counts as interest. */
  intentMs: 80,
  /** With the keyboard, the rows after the focused one that are prefetched with it. */
  keyboardAhead: 2,
  /** A prefetch that gave no sign of its end within this long frees its slot. */
  giveUpMs: 8_000,
} as const;

/** Larger than the router's answer with a route's shape alone; smaller than any page. */
const ROUTE_SHAPE_MAX_BYTES = 1_024;

type FullPrefetch = (href: string, options: { onInvalidate: () => void }) => void;

class ConversationPrefetcher {
  readonly #queue = new PrefetchQueue(PREFETCH_LIMITS);
  readonly #listeners = new Set<() => void>();
  readonly #giveUps = new Map<string, ReturnType<typeof setTimeout>>();
  #prefetch: FullPrefetch | null = null;
  #observer: PerformanceObserver | null = null;
  #changes = 0;

  /** Binds the tab's router; watches the page's requests for the end of each prefetch. */
  connect(prefetch: FullPrefetch): void {
    this.#prefetch = prefetch;
    if (this.#observer || typeof PerformanceObserver === "undefined") return;
    this.#observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
        const href = hrefOfRequest(entry.name, window.location.origin);
        if (href === null) continue;
        // responseStatus is 0 for a failed request (and absent in older browsers: then assume it arrived).
        const ok = entry.responseStatus === undefined || (entry.responseStatus >= 200 && entry.responseStatus < 400);
        // A router that does not know the route yet first asks for its shape (a few hundred bytes), then for
        // the page (kilobytes): only the page's arrival ends the prefetch.
        if (ok && entry.decodedBodySize > 0 && entry.decodedBodySize < ROUTE_SHAPE_MAX_BYTES) continue;
        this.#finished(href, ok);
      }
    });
    this.#observer.observe({ type: "resource" });
  }

  /** A new list is on screen (its own budget). */
  startList(): void {
    this.#queue.startList();
    this.#changed();
  }

  /** The person may open these, most likely first. */
  want(hrefs: readonly string[]): void {
    if (!prefetchAllowed()) return;
    const canonical = hrefs.flatMap((href) => canonicalHref(href, window.location.origin) ?? []);
    this.#start(this.#queue.want(canonical));
  }

  /** The tab went to the background: nothing more starts. */
  dropWaiting(): void {
    this.#queue.dropWaiting();
    this.#changed();
  }

  stateOf(href: string): PrefetchState | undefined {
    // The server renders the list too, with nothing prefetched (and no window to resolve an href against).
    if (typeof window === "undefined") return undefined;
    const canonical = canonicalHref(href, window.location.origin);
    return canonical === null ? undefined : this.#queue.stateOf(canonical);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Changes whenever a state may have: for useSyncExternalStore. */
  snapshot = (): number => this.#changes;

  #start(hrefs: string[]): void {
    const prefetch = this.#prefetch;
    for (const href of hrefs) {
      if (!prefetch || !prefetchAllowed()) {
        this.#queue.finished(href, false);
        continue;
      }
      this.#giveUps.set(
        href,
        setTimeout(() => this.#finished(href, false), PREFETCH_LIMITS.giveUpMs),
      );
      prefetch(href, {
        onInvalidate: () => {
          this.#queue.invalidate(href);
          this.#changed();
        },
      });
    }
    this.#changed();
  }

  #finished(href: string, ok: boolean): void {
    const giveUp = this.#giveUps.get(href);
    if (giveUp === undefined) return;
    clearTimeout(giveUp);
    this.#giveUps.delete(href);
    this.#start(this.#queue.finished(href, ok));
    this.#changed();
  }

  #changed(): void {
    this.#changes += 1;
    for (const listener of this.#listeners) listener();
  }
}

/** The tab's one prefetcher: its limits hold across every list the tab shows. */
export const conversationPrefetcher = new ConversationPrefetcher();
