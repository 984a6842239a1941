// What each Cross-Account Protection event does to the Google account it names and to Mailroom sessions
// (after Google's recommendations for RISC receivers). Pure: apply-security-event.ts carries it out.
import type { ReauthReason } from "../../errors";
import { RISC_EVENT_TYPES } from "./event-types";

/**
 * Which sessions end: "user", every session of the Mailroom user the account is linked to (whoever held any of
 * them could link accounts, so ending only the ones opened with this account would leave the door open);
 * "account", the sessions signed in with this account; null, none.
 */
export type SessionsToEnd = "user" | "account" | null;
export type Effect = { endSessions: SessionsToEnd; forgetTokens: boolean; reauth: ReauthReason | null };

const NOTHING: Effect = { endSessions: null, forgetTokens: false, reauth: null };

export function effectOf(type: string, event: Record<string, unknown>): Effect {
  switch (type) {
    // Google ended the account's sessions (its owner may suspect someone else got in): so do we, all of them.
    case RISC_EVENT_TYPES.sessionsRevoked:
      return { ...NOTHING, endSessions: "user" };
    // Our grant is gone at Google: forget the tokens now so the banner shows before any Gmail call fails.
    // tokens-revoked means every token, sign-in included, so the sessions it signed in go too.
    case RISC_EVENT_TYPES.tokensRevoked:
      return { endSessions: "account", forgetTokens: true, reauth: "revoked" };
    case RISC_EVENT_TYPES.tokenRevoked:
      return { endSessions: null, forgetTokens: true, reauth: "revoked" };
    // A disabled Google account's tokens stop working whatever the reason; a hijacked one may have been used
    // by the attacker here, to open a session or link accounts: every session of its user ends.
    case RISC_EVENT_TYPES.accountDisabled:
      return { endSessions: event.reason === "hijacking" ? "user" : null, forgetTokens: true, reauth: "revoked" };
    // The tokens still work: keep them, but ask the user to consent again before Mailroom reads on.
    case RISC_EVENT_TYPES.credentialChangeRequired:
      return { ...NOTHING, reauth: "credential_change_required" };
    // verification, account-enabled (nothing of ours was turned off) and types we do not know: acknowledged.
    default:
      return NOTHING;
  }
}
