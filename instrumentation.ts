// Runs once when the server starts: validate the configuration now, so a bad value stops start-up with a
// message naming the variable instead of failing on the first request; then apply LOG_LEVEL and start the job
// runner.
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidConfiguration } = await import("./lib/startup-check");
    assertValidConfiguration();
    const [{ getConfig }, { setLogLevel }] = await Promise.all([import("./lib/config"), import("./lib/log")]);
    setLogLevel(getConfig().logLevel);
    // The server-side clock (lib/jobs): one runner per server process. Started here, inside Next's runtime,
    // rather than by scripts/serve.ts, because every way the app is served (npm start, npm run dev, and the
    // app servers tests and benchmarks start) passes through register(), and the runner and its handlers load
    // like any route's code (Prisma, server-only modules); unit tests need none of it and create their own
    // runners. Not while `next build` prerenders: a build must not send anyone's mail.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const [{ registerJobHandler }, { startJobRunner }, { sendJobHandler }, { registerSnoozeJobs }] = await Promise.all([
        import("./lib/jobs"),
        import("./lib/jobs/start-runner"),
        import("./lib/send/send-job"),
        import("./lib/snooze/register"),
      ]);
      registerJobHandler(sendJobHandler);
      registerSnoozeJobs();
      startJobRunner();
    }
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
