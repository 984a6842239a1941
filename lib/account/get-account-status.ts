import "server-only";
import { REAUTH_MESSAGES, type ReauthReason } from "../errors";
import { findGoogleAccount, grantsGmailRead } from "../tokens/token-store";

export type AccountStatus = {
  email: string | null;
  scopes: string[];
  connected: boolean;
  reauth: { reason: ReauthReason; message: string; since: string | null } | null;
};

/** What the user may see about their Google connection: never a token. */
export async function getAccountStatus(user: { id: string; email: string | null }): Promise<AccountStatus> {
  const account = await findGoogleAccount(user.id);
  const scopes = (account?.scope ?? "").split(/\s+/).filter(Boolean);
  const reason = (account?.reauthReason as ReauthReason | null) ?? (account && !grantsGmailRead(account.scope) ? "insufficient_scope" : null);
  return {
    email: user.email,
    scopes,
    connected: Boolean(account?.refresh_token) && !reason,
    reauth: reason ? { reason, message: REAUTH_MESSAGES[reason], since: account?.reauthAt?.toISOString() ?? null } : null,
  };
}
