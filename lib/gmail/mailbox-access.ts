import "server-only";
// The one door from a signed-in user to a mailbox: resolves which of the user's own Google accounts is meant
// (`account=EMAIL`, else the default) and runs the Gmail work with a valid access token (one refresh-and-retry
// on a rejected token), turning failures into AppErrors. Every read goes through here, so only a mailbox
// linked to the signed-in user is ever read.
import type { Account } from "@/generated/prisma/client";
import { type AccountSelector, resolveAccount } from "../accounts/linked-accounts";
import { countRoundTrips } from "../metrics/round-trips";
import { withGoogleAccess } from "../tokens/google-access";
import { isUnauthorized, toAppError } from "./gmail-errors";

export type { AccountSelector };

type What = Parameters<typeof toAppError>[1];

/** The Gmail work for one already-resolved account (the All accounts view runs one per account). */
export async function withAccount<T>(account: Account, what: What, work: (accessToken: string) => Promise<T>): Promise<T> {
  try {
    const access = () => withGoogleAccess(account, work, isUnauthorized);
    // A page's round trips are a metric (design.md: two per page is the target).
    return await (what === "page" ? countRoundTrips("page", access) : access());
  } catch (error) {
    throw toAppError(error, what);
  }
}

export async function withMailbox<T>(selector: AccountSelector, what: What, work: (accessToken: string) => Promise<T>): Promise<T> {
  return withAccount(await resolveAccount(selector), what, work);
}
