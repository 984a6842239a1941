// Runs once when the server starts: validate the configuration now, so a bad value stops start-up with a
// message naming the variable instead of failing on the first request; then apply LOG_LEVEL.
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidConfiguration } = await import("./lib/startup-check");
    assertValidConfiguration();
    const [{ getConfig }, { setLogLevel }] = await Promise.all([import("./lib/config"), import("./lib/log")]);
    setLogLevel(getConfig().logLevel);
  }
}

/**
 * Errors Next caught while rendering a page (or in a route handler, proxy or action that threw past its own
 * guard): one redacted log line with the request id, the path without query values, and the digest the error
 * page shows.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { logError, loggablePath } = await import("./lib/log");
  const requestId = request.headers["x-request-id"];
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  logError("request.error", error, {
    requestId: typeof requestId === "string" ? requestId : undefined,
    method: request.method,
    path: loggablePath(request.path),
    routePath: context.routePath,
    routeType: context.routeType,
    digest,
  });
};
