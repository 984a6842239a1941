import "server-only";
// The inbox pages this instance fetched, kept so a revisit costs one history.list instead of a list and a
// batch (lib/sync/page-cache-list.ts). In memory only: nothing here is written to disk, and no token is kept
// (the page, its rows' sort intervals and a history id; the access token is asked for on every use).
//
// Bounded in bytes: each entry is charged an estimate of what it occupies in V8's heap (every string, object,
// array and map entry it holds, with V8's per-object headers; see heapBytes), and the least recently used
// entries are evicted past the cap. `npm run bench` fills the cache and reports the heap and RSS it takes.
//
// Keyed by the Mailroom user, the Google account and the exact request (label, search, page token, size):
// a page is only ever served back to the user and account it was fetched for.
import type { ThreadPage } from "../mail/thread-summary";
import type { ColdReason } from "./revisit-plan";
import type { PageView, RowOrder } from "./revisit-order";

export const DEFAULT_PAGE_CACHE_BYTES = 32 * 1024 * 1024;

/** The entry record, its slots in the cache's maps and the key's set membership. */
const ENTRY_OVERHEAD_BYTES = 160;

export type CachedPage = {
  userId: string;
  accountId: string;
  page: ThreadPage;
  order: ReadonlyMap<string, RowOrder | undefined>;
  /** Gmail history id (uint64 as a decimal string) the page is known to be current as of. */
  historyId: string;
};

type Entry = CachedPage & { bytes: number };

export type PageCacheStats = {
  entries: number;
  bytes: number;
  maxBytes: number;
  /** Revisits answered from the cache after history.list: unchanged, or patched with one batch. */
  hits: number;
  /** Of the hits, those that fetched changed conversations. */
  patched: number;
  /** Pages fetched cold, by why. */
  misses: Record<ColdReason, number>;
  evictions: number;
};

export function pageCacheKey(userId: string, accountId: string, view: PageView): string {
  return JSON.stringify([userId, accountId, view.label, view.q ?? "", view.pageToken ?? "", view.pageSize]);
}

// V8 on 64-bit with pointer compression off (Node's default): 8 bytes per field or element, a 24-byte header
// per object or array (map, properties, elements), 16 bytes per string header, one byte per character of a
// Latin-1 string and two otherwise, rounded to 8. Strings that only look alike are not shared, so each counts.
const POINTER = 8;
const HEADER = 24;
const STRING_HEADER = 16;
const roundUp = (bytes: number) => Math.ceil(bytes / 8) * 8;

/** An estimate of the heap a value holds (what the cache charges for it). */
export function heapBytes(value: unknown): number {
  if (typeof value === "string") return roundUp(STRING_HEADER + (/[^\u0000-\u00ff]/.test(value) ? 2 : 1) * value.length);
  // Small integers live in the pointer; other numbers in a 16-byte HeapNumber. Booleans, null and undefined are shared.
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : 16;
  if (value instanceof Map) {
    let bytes = HEADER + 3 * POINTER * value.size + HEADER;
    for (const [key, item] of value) bytes += heapBytes(key) + heapBytes(item);
    return bytes;
  }
  if (Array.isArray(value)) return HEADER + value.reduce((sum: number, item) => sum + POINTER + heapBytes(item), 0);
  if (typeof value === "object" && value !== null) {
    // Property names are shared by every object of the same shape: only the values count.
    return HEADER + Object.values(value).reduce((sum: number, item) => sum + POINTER + heapBytes(item), 0);
  }
  return 0;
}

function sizeOf(key: string, page: CachedPage): number {
  return heapBytes(key) + heapBytes(page.page) + heapBytes(page.order) + heapBytes(page.historyId) + ENTRY_OVERHEAD_BYTES;
}

export class PageCache {
  /** Insertion order is recency order: a read moves its entry to the end; eviction takes from the front. */
  private readonly entries = new Map<string, Entry>();
  private readonly keysByAccount = new Map<string, Set<string>>();
  private readonly inFlight = new Map<string, { accountId: string; promise: Promise<unknown> }>();
  /** Per account with cached pages: the newest mailbox history id Gmail has told us (see historyFloor). */
  private readonly floors = new Map<string, bigint>();
  private totalBytes = 0;
  private counters = emptyCounters();

  constructor(readonly maxBytes: number = DEFAULT_PAGE_CACHE_BYTES) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, page: CachedPage): void {
    this.remove(key, false);
    const bytes = sizeOf(key, page);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { ...page, bytes });
    this.totalBytes += bytes;
    let keys = this.keysByAccount.get(page.accountId);
    if (!keys) this.keysByAccount.set(page.accountId, (keys = new Set()));
    keys.add(key);
    for (const [oldest] of this.entries) {
      if (this.totalBytes <= this.maxBytes) break;
      this.remove(oldest, true);
      this.counters.evictions += 1;
    }
  }

  delete(key: string): void {
    this.remove(key, true);
  }

  /** `forgetFloor`: also forget the account's history floor when this was its last page (bounds `floors`). */
  private remove(key: string, forgetFloor: boolean): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    const keys = this.keysByAccount.get(entry.accountId);
    keys?.delete(key);
    if (keys?.size === 0) {
      this.keysByAccount.delete(entry.accountId);
      if (forgetFloor) this.floors.delete(entry.accountId);
    }
  }

  /** Forgets every page of a Google account (its tokens were forgotten, or it needs re-authorization). */
  dropAccount(accountId: string): void {
    for (const key of [...(this.keysByAccount.get(accountId) ?? [])]) this.delete(key);
    this.floors.delete(accountId);
  }

  /** Records the mailbox's current history id as Gmail just answered it (history.list, getProfile). */
  noteHistoryId(accountId: string, historyId: string | undefined): void {
    if (!historyId || !/^\d{1,20}$/.test(historyId)) return;
    const value = BigInt(historyId);
    if (value > (this.floors.get(accountId) ?? -1n)) this.floors.set(accountId, value);
  }

  /**
   * The newest history id Gmail reported for the account's mailbox before now. A page listed after this call
   * is current as of at least this id, whatever its own conversations' ids say (page-cache-fetch), so pages
   * of old conversations do not start their history where Gmail no longer keeps it.
   */
  historyFloor(accountId: string): string | undefined {
    return this.floors.get(accountId)?.toString();
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.delete(key);
    this.floors.clear();
    this.counters = emptyCounters();
  }

  /** Runs `load` once for concurrent callers with the same key: they all get its result (or its error). */
  shared<T>(key: string, accountId: string, load: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running.promise as Promise<T>;
    const started = load().finally(() => {
      if (this.inFlight.get(key)?.promise === started) this.inFlight.delete(key);
    });
    this.inFlight.set(key, { accountId, promise: started });
    return started;
  }

  /**
   * Mailroom itself just changed this mailbox (an action): a load already running may have asked Gmail
   * before the change, so later callers must not join it. They start their own; history since the cached
   * point shows them the change.
   */
  mailboxChanged(accountId: string): void {
    for (const [key, running] of this.inFlight) if (running.accountId === accountId) this.inFlight.delete(key);
  }

  countHit(patched: boolean): void {
    this.counters.hits += 1;
    if (patched) this.counters.patched += 1;
  }

  countMiss(reason: ColdReason): void {
    this.counters.misses[reason] += 1;
  }

  stats(): PageCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.totalBytes,
      maxBytes: this.maxBytes,
      hits: this.counters.hits,
      patched: this.counters.patched,
      misses: { ...this.counters.misses },
      evictions: this.counters.evictions,
    };
  }
}

function emptyCounters() {
  const misses: Record<ColdReason, number> = {
    miss: 0,
    history_expired: 0,
    too_many_changes: 0,
    search: 0,
    later_page: 0,
    ambiguous_order: 0,
    reshaped: 0,
  };
  return { hits: 0, patched: 0, misses, evictions: 0 };
}
