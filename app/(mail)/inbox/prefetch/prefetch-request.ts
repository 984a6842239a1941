// Router requests as a link's href, so the end of a prefetch can be recognised among the page's network
// requests: Next adds a cache-busting `_rsc` parameter to its requests and otherwise asks for the link's URL.

const ROUTER_PARAM = "_rsc";

/** The href in one canonical form (path and query, the router's parameter left out), or null if not ours. */
export function canonicalHref(href: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  url.searchParams.delete(ROUTER_PARAM);
  const query = url.searchParams.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}

/** The href a router request (a resource the page fetched) was for, or null when it is not a router request. */
export function hrefOfRequest(requestUrl: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!url.searchParams.has(ROUTER_PARAM)) return null;
  return canonicalHref(requestUrl, origin);
}
