import "server-only";
// The one door to a mailbox: runs Gmail work for an account the page or route handler already resolved among
// the signed-in user's own (lib/accounts/linked-accounts.ts), with a valid access token (one refresh-and-retry
// on a rejected token), turning failures into AppErrors.
import type { Account } from "@/generated/prisma/client";
import { countRoundTrips } from "../metrics/round-trips";
import { withGoogleAccess } from "../tokens/google-access";
import { isUnauthorized, toAppError } from "./gmail-errors";

type What = Parameters<typeof toAppError>[1];

/** The Gmail work for one resolved account (the All accounts view runs one per account). */
export async function withAccount<T>(account: Account, what: What, work: (accessToken: string) => Promise<T>): Promise<T> {
  try {
    const access = () => withGoogleAccess(account, work, isUnauthorized);
    // A page's round trips are a metric: two (the list, then one batch) is what a page should cost.
    return await (what === "page" ? countRoundTrips("page", access) : access());
  } catch (error) {
    throw toAppError(error, what);
  }
}
