import "server-only";
// next-auth with Google, as Google's server-side authorization guide describes it: offline access and forced
// consent (so every consent yields a refresh token), PKCE and state, database sessions. Tokens never enter
// the session: they stay encrypted in the Account row (see lib/tokens).
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Account, AuthOptions } from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import GoogleProvider from "next-auth/providers/google";
import { markLinkNoticeSeen } from "../accounts/linked-account-notice";
import { gateGoogleSignIn } from "../accounts/sign-in-gate";
import { getConfig } from "../config";
import { GMAIL_READONLY_SCOPE } from "../google-scopes";
import { getDb } from "../db";
import { logError, logWarn } from "../log";
import { saveSignInTokens } from "../tokens/token-store";
import { exchangeCodeAllowingNoIdToken, profileFromIdTokenOrUserinfo } from "./google-callback-tokens";
import { withHashedSessionTokens } from "./hashed-sessions";
import { currentSessionToken, signInUserAgent, withSessionBinding } from "./session-binding";

export const SIGN_IN_SCOPES = ["openid", "email", "profile", GMAIL_READONLY_SCOPE].join(" ");

function toSignInTokens(account: AdapterAccount | Account, userId: string, email?: string | null) {
  return {
    userId,
    email,
    providerAccountId: account.providerAccountId,
    type: account.type,
    access_token: account.access_token,
    refresh_token: account.refresh_token,
    id_token: account.id_token,
    expires_at: account.expires_at,
    token_type: account.token_type,
    scope: account.scope,
  };
}

function buildAuthOptions(): AuthOptions {
  const config = getConfig();
  // @auth/prisma-adapter targets @auth/core's types; with next-auth 4 they differ only nominally.
  const prismaAdapter = PrismaAdapter(getDb()) as unknown as Adapter;
  const adapter: Adapter = {
    ...withHashedSessionTokens(withSessionBinding(prismaAdapter)),
    // The stock adapter would write Google's tokens in plaintext; store them through the vault instead, with
    // the browser that linked it. The session doing the linking has seen it; the user's others get a notice.
    linkAccount: async (account: AdapterAccount) => {
      await saveSignInTokens({ ...toSignInTokens(account, account.userId), linkedFromUserAgent: signInUserAgent() });
      await markLinkNoticeSeen(await currentSessionToken());
    },
  };

  return {
    adapter,
    secret: config.auth.secret,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/", error: "/" },
    providers: [
      GoogleProvider({
        clientId: config.google.clientId,
        clientSecret: config.google.clientSecret,
        wellKnown: config.google.endpoints.wellKnown,
        checks: ["pkce", "state"],
        // include_granted_scopes on every trip to Google (first sign-in, add, reconnect, grant): the token then
        // covers every scope granted so far, so a reconnect keeps gmail.modify once it was granted.
        authorization: { params: { scope: SIGN_IN_SCOPES, access_type: "offline", prompt: "consent", include_granted_scopes: "true" } },
        token: { request: exchangeCodeAllowingNoIdToken },
        userinfo: { request: profileFromIdTokenOrUserinfo },
        httpOptions: { timeout: 10_000 },
      }),
    ],
    callbacks: {
      // ALLOWED_EMAILS and the linked-accounts rules (lib/accounts/sign-in-gate.ts).
      signIn: ({ account, profile }) => (account?.provider === "google" ? gateGoogleSignIn(account.providerAccountId, profile) : false),
      // The browser sees who is signed in, never a token.
      session: ({ session, user }) => ({
        expires: session.expires,
        user: { id: user.id, name: user.name ?? null, email: user.email ?? null, image: user.image ?? null },
      }),
    },
    events: {
      // next-auth's adapter stores tokens only when it first links an account; every consent brings new ones.
      signIn: async ({ user, account, profile }) => {
        if (account?.provider === "google") await saveSignInTokens(toSignInTokens(account, user.id, profile?.email));
      },
    },
    logger: {
      error: (code, metadata) =>
        logError(`next-auth.${code}`, metadata instanceof Error ? metadata : ((metadata as { error?: unknown }).error ?? code)),
      warn: (code) => logWarn(`next-auth.${code}`),
      debug: () => undefined,
    },
  };
}

let cached: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
