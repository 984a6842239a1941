// What each Gmail call costs in quota units (Gmail's published table; a batch costs the sum of its parts).
// Unknown calls are counted at the dearest read's price, never for free.

type CostRule = { method: string; path: RegExp; units: number };

// Paths below `/gmail/v1/users/{userId}`; the first rule that matches decides.
const COSTS: readonly CostRule[] = [
  { method: "GET", path: /^\/profile$/, units: 1 },
  { method: "GET", path: /^\/labels(\/[^/]+)?$/, units: 1 },
  { method: "GET", path: /^\/history$/, units: 2 },
  { method: "GET", path: /^\/messages$/, units: 5 },
  { method: "GET", path: /^\/messages\/[^/]+\/attachments\/[^/]+$/, units: 5 },
  { method: "GET", path: /^\/messages\/[^/]+$/, units: 5 },
  { method: "POST", path: /^\/messages\/batchModify$/, units: 50 },
  { method: "POST", path: /^\/messages\/send$/, units: 100 },
  { method: "POST", path: /^\/messages\/[^/]+\/(modify|trash|untrash)$/, units: 5 },
  { method: "GET", path: /^\/threads$/, units: 10 },
  { method: "GET", path: /^\/threads\/[^/]+$/, units: 10 },
  { method: "POST", path: /^\/threads\/[^/]+\/(modify|trash|untrash)$/, units: 10 },
  { method: "POST", path: /^\/watch$/, units: 100 },
  { method: "POST", path: /^\/stop$/, units: 50 },
  { method: "GET", path: /^\/drafts(\/[^/]+)?$/, units: 5 },
  { method: "POST", path: /^\/drafts\/send$/, units: 100 },
  { method: "POST", path: /^\/drafts$/, units: 10 },
  { method: "PUT", path: /^\/drafts\/[^/]+$/, units: 15 },
  { method: "DELETE", path: /^\/drafts\/[^/]+$/, units: 10 },
  { method: "GET", path: /^\/settings\/sendAs$/, units: 1 },
];
const UNKNOWN_CALL_UNITS = 10;

/** Quota units of one Gmail call, from its method and URL or path (query ignored). */
export function gmailCallUnits(method: string, urlOrPath: string): number {
  const pathname = urlOrPath.replace(/^[a-z]+:\/\/[^/]+/i, "").split("?", 1)[0]!;
  const below = /\/gmail\/v1\/users\/[^/]+(\/.*)$/.exec(pathname)?.[1];
  if (below === undefined) return UNKNOWN_CALL_UNITS;
  const verb = method.toUpperCase();
  return COSTS.find((rule) => rule.method === verb && rule.path.test(below))?.units ?? UNKNOWN_CALL_UNITS;
}

/** Quota units of a batch: each part counts as the call it carries. */
export function gmailBatchUnits(parts: readonly { method: string; path: string }[]): number {
  return parts.reduce((sum, part) => sum + gmailCallUnits(part.method, part.path), 0);
}
