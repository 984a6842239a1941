/** Scope strings, their canonical (long) forms and the human labels the consent screen shows. */
export const SCOPE_OPENID = "openid";
export const SCOPE_EMAIL = "https://www.googleapis.com/auth/userinfo.email";
export const SCOPE_PROFILE = "https://www.googleapis.com/auth/userinfo.profile";

export const GMAIL_SCOPES = {
  readonly: "https://www.googleapis.com/auth/gmail.readonly",
  modify: "https://www.googleapis.com/auth/gmail.modify",
  metadata: "https://www.googleapis.com/auth/gmail.metadata",
  labels: "https://www.googleapis.com/auth/gmail.labels",
  send: "https://www.googleapis.com/auth/gmail.send",
  compose: "https://www.googleapis.com/auth/gmail.compose",
  insert: "https://www.googleapis.com/auth/gmail.insert",
  settingsBasic: "https://www.googleapis.com/auth/gmail.settings.basic",
  full: "https://mail.google.com/",
} as const;

const SHORT_FORMS: Record<string, string> = { email: SCOPE_EMAIL, profile: SCOPE_PROFILE };
const LONG_TO_SHORT: Record<string, string> = { [SCOPE_EMAIL]: "email", [SCOPE_PROFILE]: "profile" };

const DESCRIPTIONS: Record<string, string> = {
  [SCOPE_OPENID]: "Associate you with your personal info on Google",
  [SCOPE_EMAIL]: "See your primary Google Account email address",
  [SCOPE_PROFILE]: "See your personal info, including any personal info you've made publicly available",
  [GMAIL_SCOPES.readonly]: "Read your email messages and settings",
  [GMAIL_SCOPES.modify]: "Read, compose, and send emails from your Gmail account",
  [GMAIL_SCOPES.metadata]: "View your email message metadata such as labels and headers, but not the email body",
  [GMAIL_SCOPES.labels]: "See and edit your email labels",
  [GMAIL_SCOPES.send]: "Send email on your behalf",
  [GMAIL_SCOPES.compose]: "Manage drafts and send emails",
  [GMAIL_SCOPES.insert]: "Add emails into your Gmail mailbox",
  [GMAIL_SCOPES.settingsBasic]: "See, edit, create, or change your email settings and filters in Gmail",
  [GMAIL_SCOPES.full]: "Read, compose, send, and permanently delete all your email from Gmail",
};

export function canonicalScope(scope: string): string {
  return SHORT_FORMS[scope] ?? scope;
}

export function isKnownScope(canonical: string): boolean {
  return DESCRIPTIONS[canonical] !== undefined;
}

export function describeScope(canonical: string): string {
  return DESCRIPTIONS[canonical] ?? canonical;
}

/** Splits a space-separated scope parameter into unique canonical scopes, keeping the request order. */
export function parseScopeParam(value: string): { canonical: string[]; shortForms: Set<string> } {
  const tokens = value.split(/\s+/).filter((s) => s !== "");
  const shortForms = new Set(tokens.filter((s) => SHORT_FORMS[s] !== undefined));
  return { canonical: [...new Set(tokens.map(canonicalScope))], shortForms };
}

/**
 * The redirect's `scope` parameter: Google lists the short form of each requested short scope and every
 * long form.
 */
export function redirectScopeParam(granted: readonly string[], requestedShortForms: ReadonlySet<string>): string {
  const shorts = granted.map((s) => LONG_TO_SHORT[s]).filter((s): s is string => s !== undefined && requestedShortForms.has(s));
  return [...shorts, ...granted].join(" ");
}
