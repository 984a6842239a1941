import { describe, expect, it } from "vitest";
import type { ThreadPage } from "../mail/thread-summary";
import { type CachedPage, PageCache, heapBytes, pageCacheKey } from "./page-cache";

const view = { label: "INBOX", pageSize: 25 };

/** A page of `rows` conversations of about 300 bytes each, as the cache would hold it. */
function cachedPage(accountId: string, rows: number, tag = "x"): CachedPage {
  const page: ThreadPage = {
    threads: Array.from({ length: rows }, (_, index) => ({
      id: `${tag}${index}`.padStart(16, "0"),
      messageCount: 1,
      from: { name: "Grace Hopper", email: "grace@example.com" },
      participants: [{ name: "Grace Hopper", email: "grace@example.com" }],
      subject: `Subject ${tag} ${index}`,
      date: "2024-01-01T00:00:00.000Z",
      snippet: "A snippet of the message that is long enough to look like a real one in an inbox row",
      unread: false,
      starred: false,
      labelIds: ["INBOX"],
      latestMessageId: `${tag}${index}`.padStart(16, "0"),
    })),
    resultSizeEstimate: rows,
  };
  return { userId: "user", accountId, page, order: new Map(), historyId: "1000" };
}

describe("PageCache", () => {
  it("never holds more bytes than its cap, evicting the least recently used page first", () => {
    const keys = Array.from({ length: 8 }, (_, index) => pageCacheKey("user", "a", { ...view, pageToken: String(index) }));
    const oneEntry = (() => {
      const probe = new PageCache();
      probe.set(keys[0]!, cachedPage("a", 10));
      return probe.stats().bytes;
    })();
    const cache = new PageCache(oneEntry * 3 + 10);
    cache.set(keys[0]!, cachedPage("a", 10));
    cache.set(keys[1]!, cachedPage("a", 10));
    cache.set(keys[2]!, cachedPage("a", 10));
    expect(cache.stats()).toMatchObject({ entries: 3, evictions: 0 });
    // Reading the oldest makes it the most recent: the next insertion evicts the second one instead.
    expect(cache.get(keys[0]!)).toBeDefined();
    cache.set(keys[3]!, cachedPage("a", 10));
    expect(cache.get(keys[1]!)).toBeUndefined();
    expect(cache.get(keys[0]!)).toBeDefined();
    for (const key of keys.slice(4)) {
      cache.set(key, cachedPage("a", 10));
      expect(cache.stats().bytes).toBeLessThanOrEqual(cache.maxBytes);
    }
    expect(cache.stats()).toMatchObject({ entries: 3 });
    expect(cache.stats().evictions).toBe(5);
    expect([...keys.slice(5)].map((key) => cache.get(key) !== undefined)).toEqual([true, true, true]);
  });

  it("charges a page what it holds in the heap, and keeps none larger than the whole cap", () => {
    // Strings: a 16-byte header and one byte per Latin-1 character (two otherwise), rounded to 8.
    expect([heapBytes("abc"), heapBytes("a".repeat(20)), heapBytes("שלום")]).toEqual([24, 40, 24]);
    // Objects and arrays: a header and a slot per value; property names are shared by every row, so free.
    expect(heapBytes({ subject: "abc", unread: true })).toBe(24 + 8 + 24 + 8);
    expect(heapBytes(["abc", "abc"])).toBe(24 + 2 * (8 + 24));

    const cache = new PageCache(64 * 1024);
    cache.set("small", cachedPage("a", 1));
    const small = cache.stats().bytes;
    cache.set("large", cachedPage("a", 41));
    // Forty more rows cost forty times a row, whatever the page's fixed cost.
    const perRow = heapBytes(cachedPage("a", 2).page.threads[1]) + 8;
    expect(cache.stats().bytes - 2 * small).toBe(40 * perRow);
    cache.set("huge", cachedPage("a", 1000));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(64 * 1024);
    // Replacing an entry charges the new size only.
    const before = cache.stats().bytes;
    cache.set("small", cachedPage("a", 1));
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: before });
  });

  it("forgets every page of one account, and only that account's", () => {
    const cache = new PageCache();
    const a1 = pageCacheKey("user", "a", view);
    const a2 = pageCacheKey("user", "a", { ...view, label: "STARRED" });
    const b1 = pageCacheKey("user", "b", view);
    cache.set(a1, cachedPage("a", 2));
    cache.set(a2, cachedPage("a", 2));
    cache.set(b1, cachedPage("b", 2));
    cache.noteHistoryId("a", "5000");
    cache.dropAccount("a");
    expect([cache.get(a1), cache.get(a2)]).toEqual([undefined, undefined]);
    expect(cache.get(b1)).toBeDefined();
    expect(cache.historyFloor("a")).toBeUndefined();
    const onlyB = new PageCache();
    onlyB.set(b1, cachedPage("b", 2));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: onlyB.stats().bytes });
  });

  it("keys a page by user, account and every request parameter", () => {
    const keys = new Set([
      pageCacheKey("user", "a", view),
      pageCacheKey("other", "a", view),
      pageCacheKey("user", "b", view),
      pageCacheKey("user", "a", { ...view, label: "STARRED" }),
      pageCacheKey("user", "a", { ...view, q: "from:grace" }),
      pageCacheKey("user", "a", { ...view, pageToken: "123" }),
      pageCacheKey("user", "a", { ...view, pageSize: 50 }),
      // Separators in values cannot make two different requests collide.
      pageCacheKey("user", "a", { ...view, q: 'a","b' }),
      pageCacheKey("user", "a", { ...view, q: "a", pageToken: "b" }),
    ]);
    expect(keys.size).toBe(9);
  });

  it("keeps the newest history id reported for an account", () => {
    const cache = new PageCache();
    cache.noteHistoryId("a", "900");
    cache.noteHistoryId("a", "12000");
    cache.noteHistoryId("a", "11000");
    cache.noteHistoryId("a", "not a number");
    expect(cache.historyFloor("a")).toBe("12000");
  });

  it("runs one load for concurrent callers of a key, and a new one once it settled (or failed)", async () => {
    const cache = new PageCache();
    let loads = 0;
    let release: (value: string) => void = () => undefined;
    const load = () => {
      loads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.shared("k", "a", load), cache.shared("k", "a", load)]);
    release("page");
    expect(await both).toEqual(["page", "page"]);
    expect(loads).toBe(1);

    const failing = () => {
      loads += 1;
      return Promise.reject(new Error("Gmail is down"));
    };
    await expect(Promise.all([cache.shared("k", "a", failing), cache.shared("k", "a", failing)])).rejects.toThrow("Gmail is down");
    expect(loads).toBe(2);
    const again = cache.shared("k", "a", () => Promise.resolve("fresh"));
    expect(await again).toBe("fresh");
  });

  it("does not let a request made after Mailroom changed the mailbox join a load that started before", async () => {
    const cache = new PageCache();
    const answers: ((value: string) => void)[] = [];
    const load = () => new Promise<string>((resolve) => answers.push(resolve));
    const before = cache.shared("k", "a", load);
    const other = cache.shared("other", "b", load);
    cache.mailboxChanged("a");
    const after = cache.shared("k", "a", load);
    // Account b was not changed: its load is still shared.
    const otherAgain = cache.shared("other", "b", load);
    expect(answers).toHaveLength(3);
    answers[0]!("before the change");
    expect(await before).toBe("before the change");
    // The older load settling does not end the newer one's sharing.
    const joiner = cache.shared("k", "a", load);
    expect(answers).toHaveLength(3);
    answers[1]!("b");
    answers[2]!("after the change");
    expect(await Promise.all([after, joiner, other, otherAgain])).toEqual(["after the change", "after the change", "b", "b"]);
  });
});
