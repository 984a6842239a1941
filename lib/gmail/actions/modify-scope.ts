// Acting on mail needs more than reading it. Sign-in asks only for gmail.readonly; the first action asks Google
// for gmail.modify (incremental authorization). Until it is granted, every action is answered with
// `scope_required` before any Gmail call, carrying the page that explains why and asks.
import { safeReturnPath } from "../../auth/return-path";
import { AppError } from "../../errors";
import { GMAIL_FULL_SCOPE, GMAIL_MODIFY_SCOPE } from "../../google-scopes";

/** Either lets Mailroom change labels and move mail to the trash. */
const MODIFY_SCOPES: readonly string[] = [GMAIL_MODIFY_SCOPE, GMAIL_FULL_SCOPE];

/** Whether the space-separated scope string (as Google granted it) lets Mailroom change mail. */
export function grantsGmailModify(scope: string | null | undefined): boolean {
  const granted = new Set((scope ?? "").split(/\s+/));
  return MODIFY_SCOPES.some((needed) => granted.has(needed));
}

export const SCOPE_REQUIRED_MESSAGE =
  "Mailroom can only read this Gmail account so far. To archive, star, mark as read or move mail to the trash, " +
  "Google must allow Mailroom to change your mail (labels and trash, never deleting anything for good).";

/** The page that explains the permission and sends the person to Google: `/authorize?account=&returnTo=`. */
export function authorizePageUrl(options: { account?: string | null; returnTo?: string | null }): string {
  const params = new URLSearchParams();
  if (options.account) params.set("account", options.account);
  const returnTo = safeReturnPath(options.returnTo);
  if (returnTo) params.set("returnTo", returnTo);
  const query = params.toString();
  return query ? `/authorize?${query}` : "/authorize";
}

/** 403 `{ error: { code: "scope_required", scope, authorizeUrl, message } }`. */
export class ScopeRequiredError extends AppError {
  constructor(options: { account: string | null; returnTo?: string | null; cause?: unknown }) {
    super("scope_required", SCOPE_REQUIRED_MESSAGE, {
      details: { scope: GMAIL_MODIFY_SCOPE, authorizeUrl: authorizePageUrl(options) },
      cause: options.cause,
    });
    this.name = "ScopeRequiredError";
  }
}

/** Gmail's answer to a token without the scope a method needs. */
export function isInsufficientScope(status: number, body: unknown): boolean {
  if (status !== 403) return false;
  const error = (body as { error?: { errors?: { reason?: unknown }[]; details?: { reason?: unknown }[] } } | null)?.error;
  return (
    error?.errors?.some((entry) => entry.reason === "insufficientPermissions") === true ||
    error?.details?.some((entry) => entry.reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT") === true
  );
}
