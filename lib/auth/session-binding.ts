import "server-only";
// Each session remembers the linked Google account it signed in with (so Remove account or a tokens-revoked
// event about that account ends the sessions it opened), the browser's User-Agent, and when it was last used (the
// settings page's session list). next-auth's createSession receives neither the account nor the request, so a
// request-scoped AsyncLocalStorage, opened around the `[...nextauth]` route handler, carries them: the
// User-Agent from the request, and the Google account from the adapter's getUserByAccount, which next-auth
// calls on every OAuth sign-in right after the signIn callback approved it and before it creates the session.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Adapter } from "next-auth/adapters";
import { cookies } from "next/headers";
import { getConfig } from "../config";
import { getDb } from "../db";
import { ensureEmulatorRiscStream } from "../google/risc/emulator-stream";
import { GOOGLE_PROVIDER } from "../tokens/token-store";

type SignInContext = { userAgent: string | null; providerAccountId?: string };

const signInContext = new AsyncLocalStorage<SignInContext>();

/** Refreshing lastSeenAt on every request would be a write per page view; every 5 minutes is enough to show. */
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;
const MAX_USER_AGENT = 512;

/** Runs an auth request with its sign-in context (the route handler's hook). */
export function withSignInContext<T>(request: Request, run: () => Promise<T>): Promise<T> {
  return signInContext.run({ userAgent: request.headers.get("user-agent")?.slice(0, MAX_USER_AGENT) || null }, run);
}

/** The User-Agent of the browser signing in now (inside the auth route), for the record of a new link. */
export function signInUserAgent(): string | null {
  return signInContext.getStore()?.userAgent ?? null;
}

async function accountIdFor(userId: string, providerAccountId: string | undefined): Promise<string | null> {
  if (!providerAccountId) return null;
  const account = await getDb().account.findUnique({
    where: { provider_providerAccountId: { provider: GOOGLE_PROVIDER, providerAccountId } },
    select: { id: true, userId: true },
  });
  // Bound only to an account of the session's own user: never to someone else's.
  return account?.userId === userId ? account.id : null;
}

/** Wraps the database adapter itself (inside withHashedSessionTokens: the token it stores is already hashed). */
export function withSessionBinding(adapter: Adapter): Adapter {
  const { getUserByAccount, getSessionAndUser } = adapter;
  if (!getUserByAccount || !getSessionAndUser) throw new Error("the adapter does not support OAuth database sessions");
  return {
    ...adapter,
    getUserByAccount: async (account) => {
      const context = signInContext.getStore();
      if (context && account.provider === GOOGLE_PROVIDER) context.providerAccountId = account.providerAccountId;
      return getUserByAccount(account);
    },
    createSession: async (session) => {
      const context = signInContext.getStore();
      const accountId = await accountIdFor(session.userId, context?.providerAccountId);
      const created = await getDb().session.create({
        data: {
          sessionToken: session.sessionToken,
          userId: session.userId,
          expires: session.expires,
          accountId,
          userAgent: context?.userAgent ?? null,
        },
      });
      await ensureEmulatorRiscStream();
      return created;
    },
    getSessionAndUser: async (sessionToken) => {
      const found = await getSessionAndUser(sessionToken);
      // The database row behind the adapter's session: it carries the id and lastSeenAt next-auth's type omits.
      const session: { id?: unknown; lastSeenAt?: unknown; sessionToken: string } | undefined = found?.session;
      if (
        typeof session?.id === "string" &&
        session.lastSeenAt instanceof Date &&
        Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS
      ) {
        // updateMany: the session may have just been ended elsewhere; that is not this read's failure.
        await getDb().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
      }
      return found;
    },
  };
}

/** The raw session token of this request's browser (next-auth's cookie name depends on https). */
export async function currentSessionToken(): Promise<string | null> {
  const secure = getConfig().auth.url.startsWith("https:");
  const jar = await cookies();
  return jar.get(`${secure ? "__Secure-" : ""}next-auth.session-token`)?.value ?? null;
}
