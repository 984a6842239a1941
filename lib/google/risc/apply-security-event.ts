import "server-only";
// What Mailroom does with a verified security event (event-effects.ts decides, after Google's recommendation
// for each event type). Everything happens in one transaction with the `jti` row: a replayed token hits the
// primary key and changes nothing, and a failure half-way leaves nothing half-done (Google redelivers).
// Only the Google account the event names is touched: other linked accounts of the same user, and sessions
// opened with them, stay as they are.
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "../../db";
import { logInfo } from "../../log";
import { endAccountSessions } from "../../accounts/sessions";
import { prefixFingerprint } from "../../tokens/refresh-token-fingerprints";
import { forgetAccountPages } from "../../sync/page-cache-list";
import { FORGOTTEN_TOKENS, GOOGLE_PROVIDER } from "../../tokens/token-store";
import { effectOf, type Effect } from "./event-effects";
import { type EventSubject, parseSubject, shortEventType } from "./event-types";
import type { SecurityEventToken } from "./verify-security-event";

type Tx = Prisma.TransactionClient;

async function findAccountId(tx: Tx, subject: EventSubject, issuer: string): Promise<string | null> {
  if (subject.kind === "account") {
    if (subject.iss !== issuer) return null;
    const account = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: GOOGLE_PROVIDER, providerAccountId: subject.sub } },
      select: { id: true },
    });
    return account?.id ?? null;
  }
  const where =
    subject.alg === "prefix" ? { refreshTokenPrefixHash: prefixFingerprint(subject.token) } : { refreshTokenHash: subject.token };
  const account = await tx.account.findFirst({ where: { provider: GOOGLE_PROVIDER, ...where }, select: { id: true } });
  return account?.id ?? null;
}

async function apply(tx: Tx, accountId: string, effect: Effect): Promise<void> {
  if (effect.endSessions) await endAccountSessions(accountId, tx);
  if (!effect.forgetTokens && !effect.reauth) return;
  const forget = effect.forgetTokens ? FORGOTTEN_TOKENS : {};
  await tx.account.update({ where: { id: accountId }, data: { ...forget, reauthReason: effect.reauth, reauthAt: new Date() } });
}

export type ApplyOutcome = "applied" | "replayed";

/** Records the token's `jti` and applies each of its events; a `jti` seen before changes nothing. */
export async function applySecurityEvent(set: SecurityEventToken): Promise<ApplyOutcome> {
  const types = Object.keys(set.events);
  const typeNames = types.map(shortEventType).join(",").slice(0, 190);
  const db = getDb();
  try {
    const touched = await db.$transaction(async (tx) => {
      await tx.securityEvent.create({ data: { jti: set.jti, type: typeNames } });
      const accounts: string[] = [];
      for (const type of types) {
        const event = set.events[type] ?? {};
        const effect = effectOf(type, event);
        const subject = parseSubject(event);
        const accountId = subject && (await findAccountId(tx, subject, set.issuer));
        if (!accountId) continue;
        accounts.push(accountId);
        await apply(tx, accountId, effect);
      }
      return accounts;
    });
    // This instance's cached pages of those accounts go now; other instances drop theirs on the account's next
    // page load, which reads its state (lib/sync/page-cache-list.ts).
    for (const accountId of touched) forgetAccountPages(accountId);
    logInfo("risc.event", { jti: set.jti, types: typeNames, accounts: touched });
    return "applied";
  } catch (error) {
    if (isUniqueViolation(error)) {
      logInfo("risc.replay", { jti: set.jti, types: typeNames });
      return "replayed";
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
