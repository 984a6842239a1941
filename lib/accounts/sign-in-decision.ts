// Who may a Google account that Google just returned sign in as, and may it be linked? Pure, so every rule
// is tested on its own; lib/auth/options.ts feeds it the facts and turns a refusal into a redirect.
import type { SignInIntent } from "./sign-in-intent";

export type SignInFacts = {
  /** The Mailroom user signed in in this browser, if any. */
  currentUserId: string | null;
  intent: SignInIntent | null;
  /** The Google account Google answered with. */
  chosen: { providerAccountId: string; email: string };
  /** The Mailroom user that Google account is already linked to, if any. */
  linkedToUserId: string | null;
  /**
   * Set when that linked account was disconnected (Settings' Disconnect): whether its user has another account
   * that can sign in. A disconnected account must not stay a key to the user's other mailboxes.
   */
  disconnected: { anotherAccountSignsIn: boolean } | null;
};

export type SignInRefusal = "WrongAccount" | "LinkedToAnotherUser" | "NotLinked" | "Disconnected";
export type SignInDecision = { allow: true } | { allow: false; refusal: SignInRefusal };

export function decideSignIn({ currentUserId, intent, chosen, linkedToUserId, disconnected }: SignInFacts): SignInDecision {
  // Signed out: a linked account signs in as its user; an unknown one becomes a new user. A disconnected one
  // does not, unless it is the user's only way in: then there is nothing else it could open, and refusing it
  // would lock the person out for good.
  if (!currentUserId) return disconnected?.anotherAccountSignsIn ? { allow: false, refusal: "Disconnected" } : { allow: true };
  if (intent?.kind === "reconnect" || intent?.kind === "grant") {
    // Google may answer with whichever account the person picked: only the one being reconnected (or granted
    // more) counts. Another one changes nothing, even one of this user's own.
    if (chosen.providerAccountId !== intent.providerAccountId) return { allow: false, refusal: "WrongAccount" };
    return linkedToUserId === null || linkedToUserId === currentUserId ? { allow: true } : { allow: false, refusal: "LinkedToAnotherUser" };
  }
  // Signed in: one of my accounts renews, except a disconnected one, which comes back only when asked for
  // (Reconnect, or Add choosing it again).
  if (linkedToUserId === currentUserId) return disconnected && !intent ? { allow: false, refusal: "Disconnected" } : { allow: true };
  // Never merge two Mailroom users, whatever the intent.
  if (linkedToUserId !== null) return { allow: false, refusal: "LinkedToAnotherUser" };
  // A new Google account joins a signed-in user only through "Add another Gmail account".
  return intent?.kind === "add" ? { allow: true } : { allow: false, refusal: "NotLinked" };
}
