import type { EmuResponse } from "./types";

const JSON_TYPE = "application/json; charset=utf-8";

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): EmuResponse {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
    body: html,
  };
}

export function redirectResponse(location: string, status = 302): EmuResponse {
  return { status, headers: { location, "cache-control": "no-store" }, body: "" };
}

export function textResponse(status: number, text: string, contentType = "text/plain; charset=utf-8"): EmuResponse {
  return { status, headers: { "content-type": contentType }, body: text };
}

/** Parses a JSON response body back into a value; used where a response must be post-processed (dropFields). */
export function parseJsonBody(response: EmuResponse): unknown {
  const type = response.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) return undefined;
  const text = typeof response.body === "string" ? response.body : response.body.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
