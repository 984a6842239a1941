import "server-only";
// Gmail push for the accounts someone is looking at: users.watch, renewed daily (a watch
// lapses silently after 7 days), one per account however many instances serve its streams. The MailboxWatch
// row is claimed with a conditional update, so when several instances decide at once that a watch is due,
// exactly one calls Google; the others find it claimed or freshly renewed and do nothing.
import { randomUUID } from "node:crypto";
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { getDb } from "../db";
import { emulatorWatches, ensureEmulatorPushSubscription } from "../google/push/emulator-subscription";
import { withAccount } from "../gmail/mailbox-access";
import { gmailUsersFor } from "../gmail/gmail-client";
import { logWarn } from "../log";
import { metrics } from "../metrics/registry";

/** Google recommends renewing once a day; the 7-day expiry leaves six days of retries. */
export const RENEW_AFTER_MS = 24 * 60 * 60_000;
/** How long a claim lasts: longer than a watch call can take, short enough to retry after a crash. */
const CLAIM_MS = 30_000;

const instance = randomUUID();

export type WatchOutcome = "renewed" | "current" | "claimed_elsewhere" | "disabled" | "failed";

/**
 * Makes sure the account's mailbox is watched: a watch renewed more than `renewAfterMs` ago (default a day),
 * expiring within the hour, or on another topic is renewed, by exactly one caller however many ask at once.
 */
export async function ensureMailboxWatch(account: Account, options: { renewAfterMs?: number } = {}): Promise<WatchOutcome> {
  const push = getConfig().sync.push;
  if (!push) return "disabled";
  const db = getDb();
  const now = Date.now();
  let renewAfterMs = options.renewAfterMs ?? RENEW_AFTER_MS;
  // A reset emulator has forgotten the watch our record describes (see emulator-subscription.ts).
  if (push.emulatorSubscriptionUrl && !(await emulatorWatches(account.email ?? ""))) renewAfterMs = 0;

  try {
    await db.mailboxWatch.upsert({ where: { accountId: account.id }, create: { accountId: account.id }, update: {} });
  } catch (error) {
    // Another instance created the row between our read and our insert: it exists, which is all we need.
    if ((error as { code?: unknown }).code !== "P2002") throw error;
  }
  const claimed = await db.mailboxWatch.updateMany({
    where: {
      accountId: account.id,
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date(now) } }],
      AND: [
        {
          OR: [
            { renewedAt: null },
            { renewedAt: { lte: new Date(now - renewAfterMs) } },
            { expiresAt: null },
            { expiresAt: { lt: new Date(now + 60 * 60_000) } },
            { topic: null },
            { topic: { not: push.topic } },
          ],
        },
      ],
    },
    data: { claimedBy: instance, claimedUntil: new Date(now + CLAIM_MS) },
  });
  if (claimed.count === 0) {
    const row = await db.mailboxWatch.findUnique({ where: { accountId: account.id }, select: { claimedUntil: true } });
    return row?.claimedUntil && row.claimedUntil.getTime() > now ? "claimed_elsewhere" : "current";
  }

  try {
    await ensureEmulatorPushSubscription();
    const { data } = await withAccount(account, "labels", (accessToken) =>
      // No label filter: a read or an archive elsewhere is a change the open list must show.
      gmailUsersFor(accessToken).watch({ userId: "me", requestBody: { topicName: push.topic } }),
    );
    const expiration = Number(data.expiration);
    await db.mailboxWatch.updateMany({
      where: { accountId: account.id, claimedBy: instance },
      data: {
        topic: push.topic,
        historyId: data.historyId ?? null,
        expiresAt: Number.isFinite(expiration) && expiration > 0 ? new Date(expiration) : null,
        renewedAt: new Date(),
        claimedBy: null,
        claimedUntil: null,
      },
    });
    metrics().watches.inc({ outcome: "ok" });
    return "renewed";
  } catch (error) {
    await db.mailboxWatch.updateMany({
      where: { accountId: account.id, claimedBy: instance },
      data: { claimedBy: null, claimedUntil: null },
    });
    metrics().watches.inc({ outcome: "error" });
    logWarn("sync.watch_failed", { accountId: account.id, error: error instanceof Error ? error.name : "unknown" });
    return "failed";
  }
}

/**
 * Ends the account's Gmail push (Disconnect, Remove account): users.stop, then the record goes. Call it while
 * the grant still works: after a revoke no token could ask Gmail to stop, and the watch would run on for up
 * to 7 days. A failure is logged and does not stop the disconnect: the watch then lapses on its own.
 */
export async function stopMailboxWatch(account: Account): Promise<void> {
  const { count } = await getDb().mailboxWatch.deleteMany({ where: { accountId: account.id } });
  // Never watched from here: nothing to stop.
  if (count === 0) return;
  try {
    await withAccount(account, "labels", (accessToken) => gmailUsersFor(accessToken).stop({ userId: "me" }));
  } catch (error) {
    logWarn("sync.watch_stop_failed", { accountId: account.id, error: error instanceof Error ? error.name : "unknown" });
  }
}
