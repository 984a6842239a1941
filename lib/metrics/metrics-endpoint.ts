import "server-only";
// GET /api/metrics: the process's metrics in Prometheus's text format, for whoever holds METRICS_TOKEN.
// Without a token configured the endpoint does not exist (404, like any unknown API path), so a deployment
// never exposes its internals by accident.
import { createHash, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";
import { metrics } from "./registry";

const NO_STORE = { "Cache-Control": "no-store" };

function errorJson(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...headers } });
}

/** Compares digests, so neither the length nor a prefix of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function metricsResponse(request: Request): Promise<Response> {
  const expected = getConfig().metricsToken;
  if (!expected) return errorJson(404, "not_found", "There is no such API endpoint.");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1] || !sameToken(match[1], expected)) {
    return errorJson(401, "unauthenticated", "This endpoint needs the metrics bearer token.", {
      "WWW-Authenticate": 'Bearer realm="metrics"',
    });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { ...NO_STORE, "Content-Type": registry.contentType } });
}
