// Prometheus scrape endpoint: bearer-token protected (METRICS_TOKEN), 404 like any unknown API path when no
// token is configured.
import { errorJson } from "@/lib/http/error-json";
import { metricsAccess, metricsText } from "@/lib/metrics/metrics-endpoint";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(request.headers.get("authorization"));
  if (access === "off") return errorJson(404, "not_found", "There is no such API endpoint.");
  if (access === "refused") {
    return errorJson(401, "unauthenticated", "This endpoint needs the metrics bearer token.", {
      "WWW-Authenticate": 'Bearer realm="metrics"',
    });
  }
  const { text, contentType } = await metricsText();
  return new Response(text, { headers: { "Cache-Control": "no-store", "Content-Type": contentType } });
}
