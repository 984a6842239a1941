// The `?error=` codes the sign-in page explains. next-auth's own codes (AccessDenied, OAuthCallback…) plus
// ours; shared by the auth options that redirect with them and the page that shows them.
export const SIGN_IN_NOT_ALLOWED = "NotAllowed";
export const SIGN_IN_DISCONNECTED = "AccountDisconnected";

export const SIGN_IN_ERRORS: Record<string, string> = {
  AccessDenied: "You cancelled the sign-in at Google. Mailroom needs your permission to show your mail.",
  OAuthCallback: "Google's answer could not be verified. Please try again.",
  OAuthSignin: "Mailroom could not reach Google to start the sign-in. Please try again.",
  Callback: "The sign-in could not be completed. Please try again.",
  // next-auth's refusal to merge two users (a Google account that is someone else's): never merged silently.
  OAuthAccountNotLinked: "That Google account belongs to another Mailroom user, so it was not linked here. Nothing was changed.",
  [SIGN_IN_DISCONNECTED]:
    "That Google account was disconnected from Mailroom, so it cannot sign in. Sign in with another of your accounts, then reconnect it in Settings.",
  [SIGN_IN_NOT_ALLOWED]:
    "This Mailroom is open only to some Google accounts, and the one you chose is not one of them. Sign in with another account, or ask the administrator to add yours.",
};
