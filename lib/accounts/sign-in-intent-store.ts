import "server-only";
// The server's half of a sign-in intent: one row per "add", "reconnect" or "grant", created when the user
// asks and consumed by the sign-in callback. The cookie alone cannot be single-use (a copy of it is as good as
// the original), so the row decides: one conditional UPDATE sets consumedAt only while it is still null, which
// both SQLite and PostgreSQL apply atomically, so of two callbacks racing with the same cookie exactly one wins.
import { getDb } from "../db";
import { SIGN_IN_INTENT_TTL_SECONDS } from "./sign-in-intent";

/** Records a new intent for the user and returns its id (what the signed cookie names). */
export async function createSignInIntent(userId: string, nowMs = Date.now()): Promise<string> {
  const db = getDb();
  // Unused intents of this user that have expired are forgotten here: the table stays the size of what is live.
  await db.signInIntent.deleteMany({ where: { userId, expiresAt: { lte: new Date(nowMs) } } });
  const row = await db.signInIntent.create({
    data: { userId, expiresAt: new Date(nowMs + SIGN_IN_INTENT_TTL_SECONDS * 1000) },
    select: { id: true },
  });
  return row.id;
}

/** true for the one caller that uses this unexpired intent of this user; false for everyone else. */
export async function consumeSignInIntent(id: string, userId: string, nowMs = Date.now()): Promise<boolean> {
  const { count } = await getDb().signInIntent.updateMany({
    where: { id, userId, consumedAt: null, expiresAt: { gt: new Date(nowMs) } },
    data: { consumedAt: new Date(nowMs) },
  });
  return count === 1;
}
