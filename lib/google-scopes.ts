// The Google OAuth scopes Mailroom asks for or recognises: the app's one spelling of each. (The emulator, being
// Google's stand-in, keeps its own list in emulator/oauth/scopes.ts: a typo here must not be masked there.)
export const GMAIL_READONLY_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";
export const GMAIL_MODIFY_SCOPE = "https://www.googleapis.com/auth/gmail.modify";
export const GMAIL_FULL_SCOPE = "https://mail.google.com/";

/** Any of these lets Mailroom read mail (modify and full access include reading). */
export const GMAIL_READ_SCOPES: readonly string[] = [GMAIL_READONLY_SCOPE, GMAIL_MODIFY_SCOPE, GMAIL_FULL_SCOPE];

/** What each permission lets Mailroom do, in the words Settings shows (never the scope's URL). */
const SCOPE_WORDS: Readonly<Record<string, string>> = {
  openid: "Sign you in with Google",
  email: "See your email address",
  profile: "See your name and profile picture",
  "https://www.googleapis.com/auth/userinfo.email": "See your email address",
  "https://www.googleapis.com/auth/userinfo.profile": "See your name and profile picture",
  [GMAIL_READONLY_SCOPE]: "Read your email messages and settings",
  [GMAIL_MODIFY_SCOPE]: "Read, organise and delete your email",
  [GMAIL_FULL_SCOPE]: "Full access to your Gmail account",
  "https://www.googleapis.com/auth/gmail.send": "Send email on your behalf",
  "https://www.googleapis.com/auth/gmail.compose": "Manage drafts and send email",
  "https://www.googleapis.com/auth/gmail.labels": "Manage your email labels",
  "https://www.googleapis.com/auth/gmail.settings.basic": "Manage your basic mail settings",
};

/** The granted permissions in words, each said once (Google grants some under two names). */
export function describeScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes.map((scope) => SCOPE_WORDS[scope] ?? "Another Google permission"))];
}
