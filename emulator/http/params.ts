import type { EmuRequest } from "./types";

/**
 * Google's OAuth endpoints accept their parameters in a form body, a JSON body or the query string; they are
 * merged here (body wins) so one lookup works for every client.
 */
export function readParams(req: EmuRequest): Map<string, string> {
  const merged = new Map<string, string>();
  for (const [key, value] of req.query) if (!merged.has(key)) merged.set(key, value);
  for (const [key, value] of readBodyParams(req)) merged.set(key, value);
  return merged;
}

function readBodyParams(req: EmuRequest): [string, string][] {
  if (req.body.length === 0) return [];
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const text = req.body.toString("utf8");
  if (type.startsWith("application/json")) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return [];
      return Object.entries(parsed as Record<string, unknown>)
        .filter(([, v]) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
        .map(([k, v]) => [k, String(v)]);
    } catch {
      return [];
    }
  }
  return [...new URLSearchParams(text)];
}

/** Reads a JSON request body; undefined when it is absent or not JSON. */
export function readJsonBody(req: EmuRequest): unknown {
  if (req.body.length === 0) return undefined;
  try {
    return JSON.parse(req.body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** The bearer token from the Authorization header, or Google's `access_token`/`oauth_token` query forms. */
export function readBearerToken(req: EmuRequest): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? "";
  }
  return req.query.get("access_token") ?? req.query.get("oauth_token") ?? undefined;
}
