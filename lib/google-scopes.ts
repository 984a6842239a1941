// The Google OAuth scopes Mailroom asks for or recognises: the app's one spelling of each. (The emulator, being
// Google's stand-in, keeps its own list in emulator/oauth/scopes.ts: a typo here must not be masked there.)
export const GMAIL_READONLY_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";
export const GMAIL_MODIFY_SCOPE = "https://www.googleapis.com/auth/gmail.modify";
export const GMAIL_FULL_SCOPE = "https://mail.google.com/";

/** Any of these lets Mailroom read mail (modify and full access include reading). */
export const GMAIL_READ_SCOPES: readonly string[] = [GMAIL_READONLY_SCOPE, GMAIL_MODIFY_SCOPE, GMAIL_FULL_SCOPE];
