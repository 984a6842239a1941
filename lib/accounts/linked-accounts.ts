import "server-only";
// A user's linked Google accounts, and `account=EMAIL` resolved to one of them. Every mailbox read names
// its account through here, so an address that is not one of the signed-in user's accounts is refused before
// anything is read at Google.
import { cache } from "react";
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError } from "../errors";
import { metrics } from "../metrics/registry";
import { GOOGLE_PROVIDER } from "../tokens/token-store";

/** A linked Google account as pages and route handlers resolve it once and hand it down. */
export type { Account };

/**
 * The user's Google accounts, the default first: the one last chosen in the switcher, else the first one
 * linked (never "the last row updated", which a token refresh would change). One query per request in a render.
 */
export const listLinkedAccounts = cache((userId: string): Promise<Account[]> =>
  getDb().account.findMany({
    where: { userId, provider: GOOGLE_PROVIDER },
    orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  }),
);

/** Which account a request reads: an address of one of the user's accounts, or (none given) the default. */
export type AccountSelector = { userId: string; account?: string | undefined };

export async function resolveAccount({ userId, account: email }: AccountSelector): Promise<Account> {
  metrics().accountLookups.inc();
  const accounts = await listLinkedAccounts(userId);
  if (email === undefined) {
    const fallback = accounts[0];
    if (!fallback) throw new AppError("unauthenticated", "Your Google account is no longer linked. Please sign in again.");
    return fallback;
  }
  const wanted = email.toLowerCase();
  const chosen = accounts.find((candidate) => candidate.email === wanted);
  if (!chosen) throw new AppError("bad_request", "Invalid request: account is not one of your linked Google accounts.");
  // Reading never writes: a GET with account= (a link from anywhere) must not change which account is the default.
  return chosen;
}

/** The account switcher's explicit choice (a same-origin POST): that account becomes the default. */
export async function chooseDefaultAccount(selector: { userId: string; account: string }): Promise<void> {
  const chosen = await resolveAccount(selector);
  await getDb().account.update({ where: { id: chosen.id }, data: { lastUsedAt: new Date() } });
}
