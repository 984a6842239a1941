import "server-only";
// What Mailroom does with a verified security event (event-effects.ts). Everything happens in one transaction
// with the `jti` row: a replayed token hits the primary key and changes nothing, and a failure half-way leaves
// nothing half-done (Google redelivers). Only the Google account the event names has its tokens touched; other
// linked accounts of the same user keep theirs, though a hijacking or sessions-revoked ends all the user's
// sessions.
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "../../db";
import { logInfo } from "../../log";
import { endAccountSessions, endUserSessions } from "../../accounts/sessions";
import { prefixFingerprint } from "../../tokens/refresh-token-fingerprints";
import { forgetAccountPages } from "../../sync/page-cache-list";
import { FORGOTTEN_TOKENS, GOOGLE_PROVIDER } from "../../tokens/token-store";
import { effectOf, type Effect } from "./event-effects";
import { type EventSubject, parseSubject, shortEventType } from "./event-types";
import type { SecurityEventToken } from "./verify-security-event";

type Tx = Prisma.TransactionClient;

type Named = { id: string; userId: string };

async function findAccount(tx: Tx, subject: EventSubject, issuer: string): Promise<Named | null> {
  const select = { id: true, userId: true };
  if (subject.kind === "account") {
    if (subject.iss !== issuer) return null;
    return tx.account.findUnique({
      where: { provider_providerAccountId: { provider: GOOGLE_PROVIDER, providerAccountId: subject.sub } },
      select,
    });
  }
  const where =
    subject.alg === "prefix" ? { refreshTokenPrefixHash: prefixFingerprint(subject.token) } : { refreshTokenHash: subject.token };
  return tx.account.findFirst({ where: { provider: GOOGLE_PROVIDER, ...where }, select });
}

async function apply(tx: Tx, account: Named, effect: Effect): Promise<void> {
  if (effect.endSessions === "user") await endUserSessions(account.userId, tx);
  if (effect.endSessions === "account") await endAccountSessions(account.id, tx);
  if (!effect.forgetTokens && !effect.reauth) return;
  const forget = effect.forgetTokens ? FORGOTTEN_TOKENS : {};
  await tx.account.update({ where: { id: account.id }, data: { ...forget, reauthReason: effect.reauth, reauthAt: new Date() } });
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
        const account = subject && (await findAccount(tx, subject, set.issuer));
        if (!account) continue;
        accounts.push(account.id);
        await apply(tx, account, effect);
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
