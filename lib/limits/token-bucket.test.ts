import { describe, expect, it } from "vitest";
import { KeyedBuckets, TokenBucket } from "./token-bucket";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("TokenBucket", () => {
  it("gives the burst at once, then only what the rate refills", () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 3, perSecond: 1 }, time.now);
    expect([bucket.take(1), bucket.take(1), bucket.take(1)]).toEqual(Array.from({ length: 3 }, () => ({ ok: true, waitMs: 0 })));
    expect(bucket.take(1)).toEqual({ ok: false, retryAfterMs: 1000 });
    time.advance(400);
    expect(bucket.take(1)).toEqual({ ok: false, retryAfterMs: 600 });
    time.advance(600);
    expect(bucket.take(1)).toEqual({ ok: true, waitMs: 0 });
  });

  it("never holds more than the burst, however long it rests", () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 2, perSecond: 10 }, time.now);
    time.advance(60_000);
    expect(bucket.level()).toBe(2);
    expect(bucket.take(3)).toEqual({ ok: false, retryAfterMs: 100 });
  });

  it("lets takers that may wait borrow against the refill, in order, each waiting longer", () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 600, perSecond: 240 }, time.now);
    const waits = Array.from({ length: 6 }, () => bucket.take(250, 60_000));
    // 600 at once covers two takers of 250 and 100 of the third; after that each needs 250 / 240 s more.
    expect(waits.map((take) => (take.ok ? take.waitMs : -1))).toEqual([0, 0, 625, 1667, 2709, 3750]);
    expect(bucket.level()).toBeCloseTo(600 - 1500);
  });

  it("refuses a taker whose wait would be too long, and takes nothing from the others", () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 100, perSecond: 100 }, time.now);
    expect(bucket.take(100)).toEqual({ ok: true, waitMs: 0 });
    expect(bucket.take(500, 2_000)).toEqual({ ok: false, retryAfterMs: 5_000 });
    expect(bucket.take(100, 2_000)).toEqual({ ok: true, waitMs: 1_000 });
  });
});

describe("KeyedBuckets", () => {
  it("keeps each key's tokens apart", () => {
    const time = clock();
    const buckets = new KeyedBuckets({ burst: 1, perSecond: 1 }, time.now);
    expect(buckets.take("a", 1).ok).toBe(true);
    expect(buckets.take("a", 1).ok).toBe(false);
    expect(buckets.take("b", 1).ok).toBe(true);
  });

  it("forgets the buckets that refilled, so keys seen once do not pile up", () => {
    const time = clock();
    const buckets = new KeyedBuckets({ burst: 1, perSecond: 1 }, time.now);
    for (let i = 0; i < 255; i += 1) buckets.take(`key-${i}`, 1);
    expect(buckets.size).toBe(255);
    time.advance(1_000);
    buckets.take("one-more", 1);
    expect(buckets.size).toBe(1);
  });
});
