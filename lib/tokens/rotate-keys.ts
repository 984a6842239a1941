import "server-only";
// Re-encrypts every stored token under the newest key, so an old key can be dropped from the ring. Safe while
// the app runs: a row that changes under us (a refresh writes a new access token) is read again and retried.
// It then checks the whole table: the old key may go only when no token is left under it.
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { getDb } from "../db";
import type { ReauthReason } from "../errors";
import { openToken, sealToken } from "./token-store";
import { keyIdOf } from "./vault";

const FIELDS = ["access_token", "refresh_token", "id_token"] as const;
type TokenField = (typeof FIELDS)[number];

/** A token that is still under an old key: where it is and why, never its value. */
export type LeftBehind = { accountId: string; field: TokenField; keyId: string | null; reason: string };

export type RotationReport = {
  accounts: number;
  reencrypted: number;
  /** Every token still not under the newest key after the pass. Empty means the old keys may be dropped. */
  leftBehind: LeftBehind[];
};

const MAX_ATTEMPTS = 5;
const UNDECRYPTABLE = "cannot be decrypted with any key of TOKEN_ENCRYPTION_KEYS";
const PAGE_SIZE = 200;

type Options = {
  /** Runs between reading a row and writing it back: where a concurrent refresh can land. For tests. */
  afterRead?: (account: Account) => Promise<void>;
};

/** Re-encrypts one row's old-key tokens; retries while the row keeps changing under us. */
async function rotateAccount(
  accountId: string,
  newestKeyId: string,
  options: Options,
): Promise<{ reencrypted: number; failures: LeftBehind[] }> {
  const db = getDb();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const account = await db.account.findUnique({ where: { id: accountId } });
    if (!account) return { reencrypted: 0, failures: [] };
    const changes: Partial<Record<TokenField, string>> = {};
    const failures: LeftBehind[] = [];
    for (const field of FIELDS) {
      const stored = account[field];
      if (!stored || keyIdOf(stored) === newestKeyId) continue;
      try {
        changes[field] = sealToken(account.providerAccountId, field, openToken(account, field, stored));
      } catch {
        // Deliberately no detail from the error: it would be about the secret.
        failures.push({ accountId, field, keyId: keyIdOf(stored), reason: UNDECRYPTABLE });
      }
    }
    const fields = Object.keys(changes) as TokenField[];
    if (fields.length === 0) return { reencrypted: 0, failures };
    await options.afterRead?.(account);
    // Only if the row still holds what we read: otherwise a refresh (or a sign-in) wrote it meanwhile, and
    // we start over from what it holds now.
    const updated = await db.account.updateMany({
      where: { id: accountId, ...Object.fromEntries(FIELDS.map((field) => [field, account[field]])) },
      data: changes,
    });
    if (updated.count === 1) return { reencrypted: fields.length, failures };
  }
  return { reencrypted: 0, failures: [] }; // the final check reports what is still under an old key
}

/** Every token not under the newest key, read fresh from the database. */
async function findLeftBehind(newestKeyId: string, failures: readonly LeftBehind[]): Promise<LeftBehind[]> {
  const leftBehind: LeftBehind[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await getDb().account.findMany({
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, access_token: true, refresh_token: true, id_token: true },
    });
    for (const account of page) {
      for (const field of FIELDS) {
        const stored = account[field];
        if (!stored || keyIdOf(stored) === newestKeyId) continue;
        const known = failures.find((failure) => failure.accountId === account.id && failure.field === field);
        leftBehind.push(
          known ?? {
            accountId: account.id,
            field,
            keyId: keyIdOf(stored),
            reason: `kept changing during ${MAX_ATTEMPTS} attempts; run again`,
          },
        );
      }
    }
    cursor = page.at(-1)?.id;
    if (page.length < PAGE_SIZE) return leftBehind;
  }
}

export async function reencryptAllTokens(options: Options = {}): Promise<RotationReport> {
  const newestKeyId = getConfig().tokenKeys[0]!.id;
  const ids = (await getDb().account.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((account) => account.id);
  let reencrypted = 0;
  const failures: LeftBehind[] = [];
  for (const id of ids) {
    const result = await rotateAccount(id, newestKeyId, options);
    reencrypted += result.reencrypted;
    failures.push(...result.failures);
  }
  return { accounts: ids.length, reencrypted, leftBehind: await findLeftBehind(newestKeyId, failures) };
}

/**
 * `--forget-undecryptable`: a token no key can open is worthless; forgetting it lets the old key go. A lost
 * refresh token marks the account for re-consent, so its user sees "Reconnect Gmail" instead of an error.
 * Returns how many tokens were forgotten.
 */
export async function forgetUndecryptable(leftBehind: readonly LeftBehind[]): Promise<number> {
  const db = getDb();
  let forgotten = 0;
  for (const token of leftBehind.filter((entry) => entry.reason === UNDECRYPTABLE)) {
    const lostRefreshToken = token.field === "refresh_token";
    const updated = await db.account.updateMany({
      where: { id: token.accountId, [token.field]: { not: null } },
      data: {
        [token.field]: null,
        ...(lostRefreshToken ? { reauthReason: "missing_refresh_token" satisfies ReauthReason, reauthAt: new Date() } : {}),
      },
    });
    forgotten += updated.count;
  }
  return forgotten;
}
