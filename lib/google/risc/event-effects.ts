// What each Cross-Account Protection event does to the one Google account it names, after Google's
// recommendation for each event type (the README's Cross-Account Protection paragraph lists them). Pure:
// apply-security-event.ts carries it out.
import type { ReauthReason } from "../../errors";
import { RISC_EVENT_TYPES } from "./event-types";

export type Effect = { endSessions: boolean; forgetTokens: boolean; reauth: ReauthReason | null };

const NOTHING: Effect = { endSessions: false, forgetTokens: false, reauth: null };

export function effectOf(type: string, event: Record<string, unknown>): Effect {
  switch (type) {
    case RISC_EVENT_TYPES.sessionsRevoked:
      return { ...NOTHING, endSessions: true };
    // Our grant is gone at Google: forget the tokens now so the banner shows before any Gmail call fails.
    // tokens-revoked means every token, sign-in included, so the sessions it signed in go too.
    case RISC_EVENT_TYPES.tokensRevoked:
      return { endSessions: true, forgetTokens: true, reauth: "revoked" };
    case RISC_EVENT_TYPES.tokenRevoked:
      return { endSessions: false, forgetTokens: true, reauth: "revoked" };
    // A disabled Google account's tokens stop working whatever the reason; a hijacked one must also lose the
    // sessions it opened here (the attacker may hold one).
    case RISC_EVENT_TYPES.accountDisabled:
      return { endSessions: event.reason === "hijacking", forgetTokens: true, reauth: "revoked" };
    // The tokens still work: keep them, but ask the user to consent again before Mailroom reads on.
    case RISC_EVENT_TYPES.credentialChangeRequired:
      return { ...NOTHING, reauth: "credential_change_required" };
    // verification, account-enabled (nothing of ours was turned off) and types we do not know: acknowledged.
    default:
      return NOTHING;
  }
}
