import "server-only";
// Session tokens are stored hashed: the cookie carries the random token, the database only SHA-256 of it
// (base64url). Whoever reads the Session table (a backup, a leaked dump, a SQL injection elsewhere) learns
// nothing that signs them in. A fast hash is enough: the token is 32 random bytes, not a password.
import { createHash } from "node:crypto";
import type { Adapter, AdapterSession } from "next-auth/adapters";

export function hashSessionToken(sessionToken: string): string {
  return createHash("sha256").update(sessionToken, "utf8").digest("base64url");
}

/**
 * Wraps an adapter's four session methods so that only the hash is written and looked up. Every session it
 * returns carries the raw token again, because next-auth puts the returned `sessionToken` into the cookie.
 */
export function withHashedSessionTokens(adapter: Adapter): Adapter {
  const { createSession, getSessionAndUser, updateSession, deleteSession } = adapter;
  if (!createSession || !getSessionAndUser || !updateSession || !deleteSession) {
    throw new Error("the adapter does not support database sessions");
  }
  const withRaw = (session: AdapterSession, sessionToken: string): AdapterSession => ({ ...session, sessionToken });
  return {
    ...adapter,
    createSession: async (session) =>
      withRaw(await createSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) }), session.sessionToken),
    getSessionAndUser: async (sessionToken) => {
      const found = await getSessionAndUser(hashSessionToken(sessionToken));
      return found && { user: found.user, session: withRaw(found.session, sessionToken) };
    },
    updateSession: async (session) => {
      const updated = await updateSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) });
      return updated && withRaw(updated, session.sessionToken);
    },
    deleteSession: async (sessionToken) => {
      await deleteSession(hashSessionToken(sessionToken));
    },
  };
}
