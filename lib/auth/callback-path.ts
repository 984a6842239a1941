/** Request header the proxy sets on every page request: the path and query asked for. */
export const REQUESTED_PAGE_HEADER = "x-mailroom-requested-page";

/** A same-origin path to return to after consent; anything else (another origin, a protocol-relative URL) → /inbox. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/inbox";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/inbox";
  return value;
}

/** Where an API client should send the user to re-authorize (the account the request named, if it named one). */
export function reauthorizeUrl(returnTo = "/inbox", account?: string | null): string {
  return `/reconnect?${new URLSearchParams({ ...(account ? { account } : {}), callbackUrl: safeCallbackPath(returnTo) })}`;
}

/** The sign-in page, coming back to `page` afterwards (unless that is the inbox, where sign-in lands anyway). */
export function signInPageFor(page: string | null | undefined): string {
  const path = safeCallbackPath(page);
  return path === "/inbox" || path === "/" ? "/" : `/?${new URLSearchParams({ callbackUrl: path })}`;
}
