import "server-only";
// The Account row's tokens, encrypted at rest. Every write goes through here so that the rules of
// Google's server-side flow hold in one place: a refresh token Google did not send never replaces the stored
// one, and the granted scope decides whether Mailroom may read mail.
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { GMAIL_READ_SCOPES } from "../google-scopes";
import { getDb } from "../db";
import type { ReauthReason } from "../errors";
import { refreshTokenFingerprints } from "./refresh-token-fingerprints";
import { decryptSecret, encryptSecret, type SecretContext } from "./vault";

export const GOOGLE_PROVIDER = "google";

type TokenField = "access_token" | "refresh_token" | "id_token";

function contextFor(providerAccountId: string, field: TokenField): SecretContext {
  return `${GOOGLE_PROVIDER}:${providerAccountId}:${field}`;
}

export function sealToken(providerAccountId: string, field: TokenField, value: string): string {
  return encryptSecret(value, getConfig().tokenKeys, contextFor(providerAccountId, field));
}

export function openToken(account: Pick<Account, "providerAccountId">, field: TokenField, stored: string): string {
  return decryptSecret(stored, getConfig().tokenKeys, contextFor(account.providerAccountId, field));
}

/** Whether the space-separated scope string grants reading Gmail. */
export function grantsGmailRead(scope: string | null | undefined): boolean {
  const scopes = new Set((scope ?? "").split(/\s+/));
  return GMAIL_READ_SCOPES.some((s) => scopes.has(s));
}

/** What Google's token endpoint handed us at sign-in (next-auth's `account`). */
export type SignInTokens = {
  userId: string;
  providerAccountId: string;
  type: string;
  access_token?: string | null;
  refresh_token?: string | null;
  id_token?: string | null;
  expires_at?: number | null;
  token_type?: string | null;
  scope?: string | null;
  /** The Google account's address from this sign-in's profile. */
  email?: string | null;
  /** The linking browser's User-Agent: kept only when this sign-in creates the link (Settings shows it). */
  linkedFromUserAgent?: string | null;
};

/**
 * Stores the tokens of a sign-in or re-consent, creating the Account row on the first one. Next-auth's
 * adapter writes tokens only when it links an account; this runs on every sign-in.
 */
export async function saveSignInTokens(tokens: SignInTokens): Promise<Account> {
  const db = getDb();
  const where = { provider_providerAccountId: { provider: GOOGLE_PROVIDER, providerAccountId: tokens.providerAccountId } };
  const existing = await db.account.findUnique({ where });
  const seal = (field: TokenField, value: string | null | undefined) => (value ? sealToken(tokens.providerAccountId, field, value) : null);

  const refreshToken = seal("refresh_token", tokens.refresh_token) ?? existing?.refresh_token ?? null;
  const reauthReason: ReauthReason | null = !grantsGmailRead(tokens.scope)
    ? "insufficient_scope"
    : refreshToken
      ? null
      : "missing_refresh_token";

  const data = {
    access_token: seal("access_token", tokens.access_token),
    refresh_token: refreshToken,
    ...(tokens.refresh_token ? refreshTokenFingerprints(tokens.refresh_token) : {}),
    ...(tokens.email ? { email: tokens.email.toLowerCase() } : {}),
    id_token: seal("id_token", tokens.id_token),
    expires_at: tokens.expires_at ?? null,
    token_type: tokens.token_type ?? null,
    scope: tokens.scope ?? null,
    reauthReason,
    reauthAt: reauthReason ? new Date() : null,
    // A consent the sign-in callback let through reconnects a disconnected account.
    disconnectedAt: null,
    refreshLockId: null,
    refreshLockUntil: null,
  };
  return db.account.upsert({
    where,
    create: {
      ...data,
      userId: tokens.userId,
      type: tokens.type,
      provider: GOOGLE_PROVIDER,
      providerAccountId: tokens.providerAccountId,
      linkedFromUserAgent: tokens.linkedFromUserAgent ?? null,
    },
    update: data,
  });
}

export async function markReauthRequired(accountId: string, reason: ReauthReason): Promise<void> {
  // Marked, never deleted: the user, their sessions and the stored refresh token stay for the retry.
  await getDb().account.update({ where: { id: accountId }, data: { reauthReason: reason, reauthAt: new Date() } });
}

/** Every Account column that holds or describes Google's tokens: what "forget the tokens" clears. */
export const FORGOTTEN_TOKENS = {
  access_token: null,
  refresh_token: null,
  refreshTokenHash: null,
  refreshTokenPrefixHash: null,
  id_token: null,
  expires_at: null,
  refreshLockId: null,
  refreshLockUntil: null,
} as const;

/**
 * Disconnect: forgets Google's tokens (after revoking them at Google) but keeps the user and the account link;
 * until a signed-in session reconnects it, the account signs nobody in (lib/accounts/sign-in-decision.ts).
 */
export async function clearTokens(accountId: string): Promise<void> {
  const now = new Date();
  await getDb().account.update({
    where: { id: accountId },
    data: { ...FORGOTTEN_TOKENS, reauthReason: "disconnected", reauthAt: now, disconnectedAt: now },
  });
}
