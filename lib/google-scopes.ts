// The Google OAuth scopes Mailroom asks for or recognises: the app's one spelling of each. (The emulator, being
// Google's stand-in, keeps its own list in emulator/oauth/scopes.ts: a typo here must not be masked there.)
export const GMAIL_READONLY_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";
export const GMAIL_MODIFY_SCOPE = "https://www.googleapis.com/auth/gmail.modify";
export const GMAIL_FULL_SCOPE = "https://mail.google.com/";

/** Any of these lets Mailroom read mail (modify and full access include reading). */
export const GMAIL_READ_SCOPES: readonly string[] = [GMAIL_READONLY_SCOPE, GMAIL_MODIFY_SCOPE, GMAIL_FULL_SCOPE];

/** What each permission lets Mailroom do, as a key Settings says in the viewer's words (never the scope's URL). */
const SCOPE_PERMISSIONS = {
  openid: "openid",
  email: "email",
  profile: "profile",
  "https://www.googleapis.com/auth/userinfo.email": "email",
  "https://www.googleapis.com/auth/userinfo.profile": "profile",
  [GMAIL_READONLY_SCOPE]: "gmailRead",
  [GMAIL_MODIFY_SCOPE]: "gmailModify",
  [GMAIL_FULL_SCOPE]: "gmailFull",
  "https://www.googleapis.com/auth/gmail.send": "gmailSend",
  "https://www.googleapis.com/auth/gmail.compose": "gmailCompose",
  "https://www.googleapis.com/auth/gmail.labels": "gmailLabels",
  "https://www.googleapis.com/auth/gmail.settings.basic": "gmailSettings",
} as const;

export type ScopePermission = (typeof SCOPE_PERMISSIONS)[keyof typeof SCOPE_PERMISSIONS] | "other";

/** The granted permissions, each named once (Google grants some under two names); "other" for one we do not know. */
export function describeScopes(scopes: readonly string[]): ScopePermission[] {
  const known: Readonly<Record<string, ScopePermission>> = SCOPE_PERMISSIONS;
  return [...new Set(scopes.map((scope) => known[scope] ?? "other"))];
}
