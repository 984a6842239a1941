import "server-only";
// Who may read the process's metrics, and the metrics themselves in Prometheus's text format (GET
// /api/metrics; the route owns the HTTP). Without METRICS_TOKEN the endpoint does not exist, so a deployment
// never exposes its internals by accident.
import { createHash, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";
import { metrics } from "./registry";

/** Compares digests, so neither the length nor a prefix of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether an Authorization header may read the metrics: "off" when no token is configured. */
export function metricsAccess(authorization: string | null): "off" | "refused" | "allowed" {
  const expected = getConfig().metricsToken;
  if (!expected) return "off";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] && sameToken(match[1], expected) ? "allowed" : "refused";
}

export async function metricsText(): Promise<{ text: string; contentType: string }> {
  const { registry } = metrics();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
