// A token bucket: `burst` tokens at most, refilled continuously at `perSecond`. Taking more than is there
// borrows against the refill, so takers are served in the order they came and each learns how long to wait;
// a taker that would wait longer than it may takes nothing and learns when to come back instead.
// The clock is injected, so tests can move time.

export type BucketRate = { burst: number; perSecond: number };

export type Take = { ok: true; waitMs: number } | { ok: false; retryAfterMs: number };

export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    readonly rate: BucketRate,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = rate.burst;
    this.#at = now();
  }

  /** Tokens there now (negative while earlier takers are still waiting for theirs). */
  level(): number {
    const now = this.now();
    this.#tokens = Math.min(this.rate.burst, this.#tokens + ((now - this.#at) / 1000) * this.rate.perSecond);
    this.#at = now;
    return this.#tokens;
  }

  /** Takes `cost` tokens if they come within `maxWaitMs`: then wait `waitMs` before using them. */
  take(cost: number, maxWaitMs = 0): Take {
    const after = this.level() - cost;
    const waitMs = after >= 0 ? 0 : Math.ceil((-after / this.rate.perSecond) * 1000);
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs };
    this.#tokens = after;
    return { ok: true, waitMs };
  }

  /** Whether the bucket is full: it then says nothing a new bucket would not, and can be forgotten. */
  isFull(): boolean {
    return this.level() >= this.rate.burst;
  }
}

/** One bucket per key (a user, an account), made when first needed and forgotten once full again. */
export class KeyedBuckets {
  readonly #buckets = new Map<string, TokenBucket>();
  #taken = 0;

  constructor(
    readonly rate: BucketRate,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, cost: number, maxWaitMs = 0): Take {
    // Now and then, drop the buckets that refilled: memory follows the keys active lately, not all keys ever.
    if (++this.#taken % 256 === 0) this.#forgetFull();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.rate, this.now);
      this.#buckets.set(key, bucket);
    }
    return bucket.take(cost, maxWaitMs);
  }

  /** Buckets held (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  #forgetFull(): void {
    for (const [key, bucket] of this.#buckets) if (bucket.isFull()) this.#buckets.delete(key);
  }
}
