import "server-only";
// A user's signed-in sessions, as the settings page lists them, and the ways they end early: "Sign out
// everywhere else", Remove account, and Google security events.
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "../db";
import { hashSessionToken } from "../auth/hashed-sessions";
import { type Device, deviceOf } from "./device";

export type SessionSummary = {
  id: string;
  device: Device;
  /** The Google account the session signed in with, if it is still linked. */
  accountEmail: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The user's unexpired sessions, this one first, then the most recently seen. */
export async function listSessions(userId: string, currentSessionToken: string | null): Promise<SessionSummary[]> {
  const currentHash = currentSessionToken ? hashSessionToken(currentSessionToken) : null;
  const rows = await getDb().session.findMany({
    where: { userId, expires: { gt: new Date() } },
    select: { id: true, sessionToken: true, userAgent: true, createdAt: true, lastSeenAt: true, account: { select: { email: true } } },
    orderBy: { lastSeenAt: "desc" },
  });
  const sessions = rows.map((row) => ({
    id: row.id,
    device: deviceOf(row.userAgent),
    accountEmail: row.account?.email ?? null,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.sessionToken === currentHash,
  }));
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/** The address of the Google account the session holding this token signed in with, if it is still linked. */
export async function sessionAccountEmail(sessionToken: string | null): Promise<string | null> {
  if (!sessionToken) return null;
  const session = await getDb().session.findUnique({
    where: { sessionToken: hashSessionToken(sessionToken) },
    select: { account: { select: { email: true } } },
  });
  return session?.account?.email ?? null;
}

/** Ends every session of the user except the one holding `currentSessionToken`; returns how many ended. */
export async function signOutOtherSessions(userId: string, currentSessionToken: string): Promise<number> {
  const { count } = await getDb().session.deleteMany({ where: { userId, sessionToken: { not: hashSessionToken(currentSessionToken) } } });
  return count;
}

/** Ends the sessions signed in with one linked Google account (a tokens-revoked event); inside `db` if given. */
export async function endAccountSessions(accountId: string, db: Prisma.TransactionClient = getDb()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { accountId } });
  return count;
}

/** Ends every session of the user (a hijacked account, or Google revoking its sessions); inside `db` if given. */
export async function endUserSessions(userId: string, db: Prisma.TransactionClient = getDb()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
