import "server-only";
// getAccessToken: the one way anything in Mailroom obtains a Google access token.
// A valid token is returned as is. An expiring one is refreshed once, however many requests ask at the same
// time: in one process they share a promise; across processes the database decides who refreshes
// (refresh-lock.ts) and the others wait for the stored result.
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError, ReauthRequiredError } from "../errors";
import { logError } from "../log";
import { refreshAccessToken } from "./google-token-endpoint";
import { openAccessToken } from "./opened-access-tokens";
import { refreshExclusively, type RefreshOutcome } from "./refresh-lock";
import { grantsGmailRead, markReauthRequired, openToken, sealToken } from "./token-store";
import { VaultError } from "./vault";

/** Refresh tokens that expire within this margin, like google-auth-library's eager refresh. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
const WAIT_STEP_MS = 40;
const WAIT_LIMIT_MS = 30_000;

const refreshesInFlight = new Map<string, Promise<string>>();

function isFresh(account: Account, now = Date.now()): boolean {
  return Boolean(account.access_token && account.expires_at && account.expires_at * 1000 - now > EXPIRY_MARGIN_MS);
}

function readToken(account: Account, field: "access_token" | "refresh_token", stored: string): string {
  try {
    return field === "access_token" ? openAccessToken(account, stored) : openToken(account, field, stored);
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    logError("vault.decrypt_failed", error, { accountId: account.id, field });
    throw new AppError(
      "misconfigured",
      "Mailroom cannot read its stored Google credentials. Ask the administrator to check the encryption keys.",
    );
  }
}

/** Throws when the account cannot be used for Gmail as it stands; marks a missing Gmail scope. */
async function assertUsable(account: Account): Promise<void> {
  if (account.reauthReason) throw new ReauthRequiredError(account.reauthReason as ReauthRequiredError["reason"]);
  if (!grantsGmailRead(account.scope)) {
    await markReauthRequired(account.id, "insufficient_scope");
    throw new ReauthRequiredError("insufficient_scope");
  }
}

async function loadUsableAccount(accountId: string): Promise<Account> {
  const account = await getDb().account.findUnique({ where: { id: accountId } });
  if (!account) throw new AppError("unauthenticated", "Your Google account is no longer linked. Please sign in again.");
  await assertUsable(account);
  return account;
}

/**
 * A valid access token for the account, refreshed if it expires within five minutes. Takes the row the
 * caller just loaded, so the common case (a fresh token) costs no further query.
 */
export async function getAccessToken(account: Account): Promise<string> {
  await assertUsable(account);
  if (isFresh(account)) return readToken(account, "access_token", account.access_token!);
  return refreshOnce(account);
}

/**
 * Google rejected a token we believed valid (revoked early, password change). Refresh once, shared with
 * every request that met the same rejection: if the stored token already differs, someone refreshed it.
 */
export async function getAccessTokenAfterRejection(accountId: string, rejectedToken: string): Promise<string> {
  const account = await loadUsableAccount(accountId);
  if (account.access_token && isFresh(account)) {
    const current = readToken(account, "access_token", account.access_token);
    if (current !== rejectedToken) return current;
  }
  return refreshOnce(account);
}

function refreshOnce(account: Account): Promise<string> {
  let pending = refreshesInFlight.get(account.id);
  if (!pending) {
    pending = refreshAcrossProcesses(account).finally(() => refreshesInFlight.delete(account.id));
    refreshesInFlight.set(account.id, pending);
  }
  return pending;
}

async function refreshAcrossProcesses(stale: Account): Promise<string> {
  const db = getDb();
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (Date.now() < deadline) {
    const attempt = await refreshExclusively(stale, exchange);
    if ("ok" in attempt) {
      if (attempt.ok) return attempt.token;
      throw attempt.error;
    }
    const current = await db.account.findUnique({ where: { id: stale.id } });
    if (!current) throw new AppError("unauthenticated", "Your Google account is no longer linked. Please sign in again.");
    if (current.reauthReason) throw new ReauthRequiredError(current.reauthReason as ReauthRequiredError["reason"]);
    if (current.access_token !== stale.access_token) {
      if (isFresh(current)) return readToken(current, "access_token", current.access_token!);
      stale = current; // replaced but already stale again: try to refresh what is stored now
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  throw new AppError("upstream_unavailable", "Renewing access to Gmail is taking too long. Please try again in a moment.");
}

/** One exchange at Google. Never throws: a failure is an outcome, stored (or not) under the refresh lock. */
async function exchange(account: Account): Promise<RefreshOutcome> {
  try {
    if (!account.refresh_token) throw new ReauthRequiredError("missing_refresh_token");
    const refreshed = await refreshAccessToken(readToken(account, "refresh_token", account.refresh_token));
    return {
      ok: true,
      token: refreshed.access_token,
      store: {
        access_token: sealToken(account.providerAccountId, "access_token", refreshed.access_token),
        expires_at: Math.floor(Date.now() / 1000) + refreshed.expires_in,
        ...(refreshed.scope ? { scope: refreshed.scope } : {}),
      },
    };
  } catch (error) {
    // The stored refresh token is left exactly as it was, so a later request can retry a transient failure.
    const store = error instanceof ReauthRequiredError ? { reauthReason: error.reason, reauthAt: new Date() } : null;
    return { ok: false, error, store };
  }
}
