import "server-only";
// Work a client can ask for again and again, limited per user or per account on this instance
// (RATE_LIMITS in limits.ts): beyond its bucket, 429 `rate_limited` with Retry-After, before any Gmail call.
import { RateLimitedError } from "../errors";
import { RATE_LIMITS } from "./limits";
import { KeyedBuckets } from "./token-bucket";

type Rates = { actions: KeyedBuckets; catchUps: KeyedBuckets };

// On globalThis: every route bundle of this process must count against the same buckets.
const SHARED = Symbol.for("mailroom.requestRates");
type Shared = { [SHARED]?: Rates };

function rates(): Rates {
  const shared = globalThis as Shared;
  shared[SHARED] ??= {
    actions: new KeyedBuckets(RATE_LIMITS.actionsPerUser),
    catchUps: new KeyedBuckets(RATE_LIMITS.catchUpsPerAccount),
  };
  return shared[SHARED];
}

/** One POST /api/actions by this user, or 429. */
export function limitActions(userId: string): void {
  const take = rates().actions.take(userId, 1);
  if (!take.ok) throw new RateLimitedError("Too many actions at once. Wait a moment, then try again.", take.retryAfterMs);
}

/** One live stream opening from an old position (a catch-up at Gmail) for this account, or 429. */
export function limitCatchUp(accountId: string): void {
  const take = rates().catchUps.take(accountId, 1);
  if (!take.ok)
    throw new RateLimitedError("Live updates for this account are reconnecting too often. Try again shortly.", take.retryAfterMs);
}
