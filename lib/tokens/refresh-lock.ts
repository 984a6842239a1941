import "server-only";
// Makes one process at a time refresh an account's access token, and lets the others take over quickly
// when that process dies mid-refresh.
// - PostgreSQL: a transaction-scoped advisory lock, held by the transaction that spans the refresh. It dies
//   with its connection, so when the refreshing process crashes the server releases it as soon as the
//   socket closes, and a waiter in another process gets it at its next try; a holder whose socket stays
//   open but who goes silent loses it after the token endpoint's timeout plus a margin.
// - SQLite (one machine): a lease on the Account row, claimed with a compare-and-swap. It lasts no longer
//   than the token endpoint's own timeout plus a margin, and a waiter takes it over at once when the kernel
//   says its holder no longer exists (lease-holder.ts).
import type { Account, Prisma } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { getDb } from "../db";
import { TIMEOUT_MS as TOKEN_ENDPOINT_TIMEOUT_MS } from "./google-token-endpoint";
import { leaseHolderIsGone, newLeaseId } from "./lease-holder";

/** What one exchange at Google came to, and what to store for it (nothing: the stored tokens stay as they are). */
export type RefreshOutcome =
  | { ok: true; token: string; store: Prisma.AccountUpdateManyMutationInput }
  | { ok: false; error: unknown; store: Prisma.AccountUpdateManyMutationInput | null };

/** Busy: another process holds the refresh, or the stored token is no longer the one we saw. */
export type RefreshAttempt = RefreshOutcome | { busy: true };

// The holder's work is one call to the token endpoint (which gives up after its timeout) and one write.
const HOLD_LIMIT_MS = TOKEN_ENDPOINT_TIMEOUT_MS + 2_000;
// Two-key advisory locks: this key keeps Mailroom's locks apart from any other application's in the database.
const ADVISORY_LOCK_NAMESPACE = 0x4d524546; // "MREF"

/**
 * Runs `exchange` on the stored account if this process gets the refresh and the stored access token is
 * still `stale`'s; stores its outcome under the same exclusion. `exchange` must not throw.
 */
export function refreshExclusively(stale: Account, exchange: (account: Account) => Promise<RefreshOutcome>): Promise<RefreshAttempt> {
  return getConfig().database.provider === "postgresql" ? underAdvisoryLock(stale, exchange) : underLease(stale, exchange);
}

async function underAdvisoryLock(stale: Account, exchange: (account: Account) => Promise<RefreshOutcome>): Promise<RefreshAttempt> {
  return getDb().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${ADVISORY_LOCK_NAMESPACE}::integer, hashtext(${stale.id})) AS locked`;
      if (!lock?.locked) return { busy: true } as const;
      // A holder that cannot close its socket (its machine lost power, the network split, its event loop
      // froze) sits idle in this transaction: the server ends the session, and the lock, after this long.
      await tx.$executeRawUnsafe(`SET LOCAL idle_in_transaction_session_timeout = ${HOLD_LIMIT_MS}`);
      // Read under the lock: a refresh that committed since `stale` was loaded must not be repeated.
      const current = await tx.account.findUnique({ where: { id: stale.id } });
      if (!current || current.reauthReason || current.access_token !== stale.access_token) return { busy: true } as const;
      const outcome = await exchange(current);
      if (outcome.store) await tx.account.update({ where: { id: current.id }, data: outcome.store });
      return outcome;
    },
    // The transaction holds a pooled connection for the whole exchange; its timeout must outlast it.
    { maxWait: 5_000, timeout: HOLD_LIMIT_MS + 3_000 },
  );
}

async function underLease(stale: Account, exchange: (account: Account) => Promise<RefreshOutcome>): Promise<RefreshAttempt> {
  const db = getDb();
  const leaseId = newLeaseId();
  const claim = async (takeOverFrom: string | null) => {
    const now = new Date();
    const claimed = await db.account.updateMany({
      where: {
        id: stale.id,
        access_token: stale.access_token,
        reauthReason: null,
        OR: [
          { refreshLockUntil: null },
          { refreshLockUntil: { lt: now } },
          ...(takeOverFrom === null ? [] : [{ refreshLockId: takeOverFrom }]),
        ],
      },
      data: { refreshLockId: leaseId, refreshLockUntil: new Date(now.getTime() + HOLD_LIMIT_MS) },
    });
    return claimed.count === 1;
  };
  if (!(await claim(null))) {
    const holder = await db.account.findUnique({ where: { id: stale.id }, select: { refreshLockId: true } });
    if (!holder?.refreshLockId || !leaseHolderIsGone(holder.refreshLockId)) return { busy: true };
    // Only one waiter wins this compare-and-swap on the dead holder's lease id.
    if (!(await claim(holder.refreshLockId))) return { busy: true };
  }
  const outcome = await exchange(stale);
  // Stored only while the lease and the token are still ours: a holder taken over by mistake (its lease ran
  // out while it was stalled) changes nothing, and its callers still get a token Google issued.
  await db.account.updateMany({
    where: { id: stale.id, refreshLockId: leaseId, access_token: stale.access_token },
    data: { ...outcome.store, refreshLockId: null, refreshLockUntil: null },
  });
  return outcome;
}
