import type { AuthRequest } from "./authorize-request";
import { SCOPE_EMAIL, SCOPE_OPENID, SCOPE_PROFILE } from "./scopes";

/** Sign-In scopes: Google treats them apart from the others on the consent screen. */
const SIGN_IN_SCOPES: ReadonlySet<string> = new Set([SCOPE_OPENID, SCOPE_EMAIL, SCOPE_PROFILE]);

/**
 * The scopes the consent screen lists: only those the user has not granted the client yet (an incremental
 * request shows only the new ones). When nothing is new (prompt=consent) the whole request is shown again.
 */
export function scopesToShow(request: AuthRequest, granted: ReadonlySet<string>): string[] {
  const fresh = request.scopes.filter((s) => !granted.has(s));
  return fresh.length > 0 ? fresh : [...request.scopes];
}

/**
 * Google's granular consent: with exactly one non-Sign-In scope there is no checkbox, only approve or deny
 * the whole request. The emulator applies that when the screen shows that one scope alone (an incremental
 * request for gmail.modify); a first sign-in lists the Sign-In scopes with it and keeps a checkbox per scope,
 * so a user can still refuse Gmail while signing in (the app's documented path).
 */
export function approveOrDenyOnly(shown: readonly string[]): boolean {
  return shown.length === 1 && !SIGN_IN_SCOPES.has(shown[0] ?? "");
}

/**
 * What the user approved, in request order, or undefined for `access_denied`: of the shown scopes, those left
 * ticked; scopes granted earlier and not shown again count as approved (nobody asked about them). Nothing ticked, or a partial
 * answer where only approve-or-deny was offered, is a refusal, and the earlier grant stays as it was.
 */
export function approvedScopes(
  request: AuthRequest,
  granted: ReadonlySet<string>,
  shown: readonly string[],
  ticked: ReadonlySet<string> | "all",
): string[] | undefined {
  const kept = ticked === "all" ? [...shown] : shown.filter((s) => ticked.has(s));
  if (kept.length === 0) return undefined;
  if (approveOrDenyOnly(shown) && kept.length < shown.length) return undefined;
  return request.scopes.filter((s) => kept.includes(s) || (granted.has(s) && !shown.includes(s)));
}
