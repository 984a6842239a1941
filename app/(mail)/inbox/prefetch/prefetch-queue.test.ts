import { describe, expect, it } from "vitest";
import { PrefetchQueue } from "./prefetch-queue";

const limits = { maxInFlight: 2, maxWaiting: 2, maxPerList: 5, ttlMs: 1_000 };

function queueAt(start = 0) {
  const clock = { now: start };
  return { queue: new PrefetchQueue(limits, () => clock.now), clock };
}

describe("PrefetchQueue", () => {
  it("starts at most maxInFlight at once, the newest wish first when a slot frees", () => {
    const { queue } = queueAt();
    expect(queue.want(["/a"])).toEqual(["/a"]);
    expect(queue.want(["/b"])).toEqual(["/b"]);
    expect(queue.want(["/c"])).toEqual([]);
    expect(queue.want(["/d"])).toEqual([]);
    expect(queue.stateOf("/c")).toBe("waiting");
    expect(queue.finished("/a", true)).toEqual(["/d"]);
    expect(queue.finished("/b", true)).toEqual(["/c"]);
    expect(queue.stateOf("/a")).toBe("ready");
  });

  it("starts several wishes of one call in their order, as far as the slots go", () => {
    const { queue } = queueAt();
    expect(queue.want(["/a", "/b", "/c"])).toEqual(["/a", "/b"]);
    expect(queue.stateOf("/c")).toBe("waiting");
  });

  it("keeps only the newest maxWaiting wishes waiting", () => {
    const { queue } = queueAt();
    queue.want(["/a", "/b"]);
    queue.want(["/c"]);
    queue.want(["/d"]);
    queue.want(["/e"]);
    expect(queue.stateOf("/c")).toBeUndefined();
    expect(queue.finished("/a", true)).toEqual(["/e"]);
    expect(queue.finished("/b", true)).toEqual(["/d"]);
  });

  it("never asks again for what is loading or still fresh", () => {
    const { queue, clock } = queueAt();
    queue.want(["/a"]);
    expect(queue.want(["/a"])).toEqual([]);
    queue.finished("/a", true);
    clock.now = 999;
    expect(queue.want(["/a"])).toEqual([]);
    expect(queue.stateOf("/a")).toBe("ready");
  });

  it("forgets a prefetch once it is older than the router keeps it, and asks again", () => {
    const { queue, clock } = queueAt();
    queue.want(["/a"]);
    queue.finished("/a", true);
    clock.now = 1_001;
    expect(queue.stateOf("/a")).toBeUndefined();
    expect(queue.want(["/a"])).toEqual(["/a"]);
  });

  it("forgets a failed prefetch, so a later wish tries again", () => {
    const { queue } = queueAt();
    queue.want(["/a"]);
    queue.finished("/a", false);
    expect(queue.stateOf("/a")).toBeUndefined();
    expect(queue.want(["/a"])).toEqual(["/a"]);
  });

  it("forgets an invalidated prefetch", () => {
    const { queue } = queueAt();
    queue.want(["/a"]);
    queue.finished("/a", true);
    queue.invalidate("/a");
    expect(queue.stateOf("/a")).toBeUndefined();
    expect(queue.want(["/a"])).toEqual(["/a"]);
  });

  it("starts at most maxPerList prefetches per list shown, however many are wished", () => {
    const { queue } = queueAt();
    const started: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      started.push(...queue.want([`/${index}`]));
      for (const href of started) if (queue.stateOf(href) === "loading") started.push(...queue.finished(href, true));
    }
    expect(new Set(started).size).toBe(5);
    expect(started).toHaveLength(5);
    expect(queue.stateOf("/29")).toBeUndefined();
    queue.startList();
    expect(queue.want(["/next"])).toEqual(["/next"]);
  });

  it("drops every waiting wish at once (the tab was hidden), keeping what is loaded", () => {
    const { queue } = queueAt();
    queue.want(["/a", "/b", "/c"]);
    queue.dropWaiting();
    expect(queue.stateOf("/c")).toBeUndefined();
    expect(queue.finished("/a", true)).toEqual([]);
    expect(queue.stateOf("/a")).toBe("ready");
  });

  it("ignores the end of a prefetch it did not start", () => {
    const { queue } = queueAt();
    expect(queue.finished("/unknown", true)).toEqual([]);
    expect(queue.stateOf("/unknown")).toBeUndefined();
  });
});
