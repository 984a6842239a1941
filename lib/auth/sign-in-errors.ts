// The `?error=` codes the sign-in page explains. next-auth's own codes (AccessDenied, OAuthCallback…) plus
// ours; shared by the auth options that redirect with them and the page that shows them (in the person's
// language: the sentences are in messages/*/auth.json under `signInErrors`).
export const SIGN_IN_NOT_ALLOWED = "NotAllowed";
export const SIGN_IN_DISCONNECTED = "AccountDisconnected";

export const SIGN_IN_ERROR_CODES = [
  "AccessDenied",
  "OAuthCallback",
  "OAuthSignin",
  "Callback",
  // next-auth's refusal to merge two users (a Google account that is someone else's): never merged silently.
  "OAuthAccountNotLinked",
  SIGN_IN_DISCONNECTED,
  SIGN_IN_NOT_ALLOWED,
] as const;

export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

/** The code the page has a sentence for; any other (or a forged one) is "failed". */
export function signInErrorCodeOf(error: unknown): SignInErrorCode | "failed" {
  return (SIGN_IN_ERROR_CODES as readonly unknown[]).includes(error) ? (error as SignInErrorCode) : "failed";
}
