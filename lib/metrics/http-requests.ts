// Request durations, recorded by our server's edge (scripts/lib/edge.ts) when each response ends.
import { metrics } from "./registry";
import { routeLabel } from "./route-label";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function observeHttpRequest(method: string | undefined, target: string, status: number, seconds: number): void {
  const verb = method && METHODS.has(method) ? method : "other";
  metrics().httpRequestDuration.observe({ route: routeLabel(target), method: verb, status: String(status) }, seconds);
}
