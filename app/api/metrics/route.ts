// Prometheus scrape endpoint (design.md, `/api/metrics`): bearer-token protected, 404 when not configured.
import { metricsResponse } from "@/lib/metrics/metrics-endpoint";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return metricsResponse(request);
}
