import "server-only";
import type { Account } from "@/generated/prisma/client";
import { type Device, deviceOf } from "../accounts/device";
import { listLinkedAccounts } from "../accounts/linked-accounts";
import { REAUTH_MESSAGES, type ReauthReason } from "../errors";
import { grantsGmailRead } from "../tokens/token-store";

export type AccountStatus = {
  email: string | null;
  scopes: string[];
  connected: boolean;
  reauth: { reason: ReauthReason; message: string; since: string | null } | null;
  /** When and from which browser it was linked (a link made before Mailroom recorded browsers: null). */
  linkedAt: string;
  linkedFrom: Device;
};

/** What the user may see about one Google connection: never a token. */
export function accountStatus(account: Account): AccountStatus {
  const scopes = (account.scope ?? "").split(/\s+/).filter(Boolean);
  const reason = (account.reauthReason as ReauthReason | null) ?? (!grantsGmailRead(account.scope) ? "insufficient_scope" : null);
  return {
    email: account.email,
    scopes,
    connected: Boolean(account.refresh_token) && !reason,
    reauth: reason ? { reason, message: REAUTH_MESSAGES[reason], since: account.reauthAt?.toISOString() ?? null } : null,
    linkedAt: account.createdAt.toISOString(),
    linkedFrom: deviceOf(account.linkedFromUserAgent),
  };
}

/** Every linked account's status, the default account first. */
export async function getAccountsStatus(userId: string): Promise<AccountStatus[]> {
  return (await listLinkedAccounts(userId)).map(accountStatus);
}
