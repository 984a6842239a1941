import { describe, expect, it } from "vitest";
import type { ThreadSummary } from "../mail/thread-summary";
import { PageCache, pageCacheKey } from "./page-cache";
import { cachedNeighbours } from "./page-neighbours";

function row(id: string): ThreadSummary {
  return {
    id,
    messageCount: 1,
    from: { name: "Grace", email: "grace@example.com" },
    participants: [],
    subject: id,
    date: null,
    snippet: "",
    unread: false,
    starred: false,
    labelIds: ["INBOX"],
    latestMessageId: id,
  };
}

function cacheWith(view: { label: string; q?: string; pageToken?: string; pageSize: number }, ids: string[]): PageCache {
  const cache = new PageCache();
  cache.set(pageCacheKey("user", "acct", view), {
    userId: "user",
    accountId: "acct",
    page: { threads: ids.map(row), resultSizeEstimate: ids.length },
    order: new Map(),
    historyId: "100",
  });
  return cache;
}

const base = { userId: "user", accountId: "acct", email: "ada@example.com" };

describe("cachedNeighbours", () => {
  it("finds the conversations above and below in the page the list showed", () => {
    const cache = cacheWith({ label: "INBOX", pageSize: 25 }, ["a", "b", "c"]);
    expect(cachedNeighbours({ ...base, threadId: "b", back: "/inbox" }, cache)).toEqual({
      previous: "a",
      next: "c",
      position: 2,
      total: 3,
    });
    expect(cachedNeighbours({ ...base, threadId: "a", back: "/inbox" }, cache)).toEqual({ next: "b", position: 1, total: 3 });
    expect(cachedNeighbours({ ...base, threadId: "c", back: "/inbox" }, cache)).toEqual({ previous: "b", position: 3, total: 3 });
  });

  it("reads the list the back URL names: label, search, page and size", () => {
    const view = { label: "STARRED", q: "engine", pageToken: "tok", pageSize: 50 };
    const cache = cacheWith(view, ["x", "y"]);
    const back = `/inbox?${new URLSearchParams({ label: "STARRED", q: "engine", pageToken: "tok", pageSize: "50" })}`;
    expect(cachedNeighbours({ ...base, threadId: "x", back }, cache)).toEqual({ next: "y", position: 1, total: 2 });
    expect(cachedNeighbours({ ...base, threadId: "x", back: "/inbox?label=STARRED" }, cache)).toBeNull();
  });

  it("offers nothing for a list it does not hold, another account's, another user's, or one without the conversation", () => {
    const cache = cacheWith({ label: "INBOX", pageSize: 25 }, ["a", "b"]);
    expect(cachedNeighbours({ ...base, threadId: "zz", back: "/inbox" }, cache)).toBeNull();
    expect(cachedNeighbours({ ...base, threadId: "a", back: "/inbox?account=all" }, cache)).toBeNull();
    expect(cachedNeighbours({ ...base, threadId: "a", back: "/inbox?account=grace%40example.com" }, cache)).toBeNull();
    expect(cachedNeighbours({ ...base, userId: "mallory", threadId: "a", back: "/inbox" }, cache)).toBeNull();
    expect(cachedNeighbours({ ...base, threadId: "a", back: "/inbox?account=ADA%40example.com" }, cache)).toEqual({
      next: "b",
      position: 1,
      total: 2,
    });
  });
});
