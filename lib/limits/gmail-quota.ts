import "server-only";
// Gmail's per-user quota, kept by this instance: every Gmail call for an account (the official client's, each
// attempt, and each batch with all its parts) first draws its cost in units from that account's bucket
// (GMAIL_QUOTA in limits.ts). Within the burst it goes at once; beyond it, it waits for the refill, so a
// 1000-item action is paced instead of hammering Gmail; a wait longer than the caller may wait is refused
// with 429 and Retry-After instead. Which account a call is for comes from the scope withGoogleAccess opens.
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { getConfig } from "../config";
import { RateLimitedError } from "../errors";
import { GMAIL_QUOTA, gmailQuotaRate } from "./limits";
import { KeyedBuckets } from "./token-bucket";

type Quota = { scope: AsyncLocalStorage<string>; buckets: KeyedBuckets | null };

// On globalThis: every bundle of this process must share one bucket per account, and one scope.
const SHARED = Symbol.for("mailroom.gmailQuota");
type Shared = { [SHARED]?: Quota };

function quota(): Quota {
  const shared = globalThis as Shared;
  if (!shared[SHARED]) {
    const perMinute = getConfig().gmailQuotaPerMinute;
    // 0: the operator turned pacing off (a test rig or a benchmark against the emulator).
    shared[SHARED] = { scope: new AsyncLocalStorage(), buckets: perMinute > 0 ? new KeyedBuckets(gmailQuotaRate(perMinute)) : null };
  }
  return shared[SHARED];
}

/** Runs `work` with its Gmail calls charged to `accountId`'s quota. */
export function withGmailQuotaOf<T>(accountId: string, work: () => Promise<T>): Promise<T> {
  return quota().scope.run(accountId, work);
}

/**
 * Draws `units` from the current account's quota, waiting for them up to `maxWaitMs`; throws 429 beyond
 * that. A call outside any account's scope (none today) is not charged.
 */
export async function spendGmailQuota(units: number, maxWaitMs: number = GMAIL_QUOTA.maxReadWaitMs): Promise<void> {
  const { scope, buckets } = quota();
  const accountId = scope.getStore();
  if (accountId === undefined || buckets === null) return;
  const take = buckets.take(accountId, units, maxWaitMs);
  if (!take.ok) {
    throw new RateLimitedError("Mailroom is pacing its requests to Gmail for this account. Try again in a moment.", take.retryAfterMs);
  }
  if (take.waitMs > 0) await sleep(take.waitMs);
}
