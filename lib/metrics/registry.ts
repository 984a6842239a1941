// Mailroom's Prometheus metrics (served by GET /api/metrics; the README lists them), in one registry per process.
//
// The custom server (scripts/serve.ts, which times every request) and Next's route handlers (which talk to
// Gmail, receive pushes and hold event streams) run in one process but load their own copies of this module:
// the metrics live on globalThis, so whichever copy comes first creates them and every other copy records into
// the same objects. prom-client is also a server-external package (next.config.js), so both load one prom-client.
//
// Labels are always from small fixed sets (route templates, Gmail method names, outcomes): never an id, an
// address or a raw path, which would make every series unique.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "mailroom_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route template, method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    gmailRequests: new Counter({
      name: "mailroom_gmail_requests_total",
      help: "HTTP requests sent to Gmail, by API method (batch for Gmail's batch endpoint) and HTTP status (network: no answer).",
      labelNames: ["method", "status"] as const,
      registers,
    }),
    gmailRequestDuration: new Histogram({
      name: "mailroom_gmail_request_duration_seconds",
      help: "Time Gmail took to answer one HTTP request, by API method.",
      labelNames: ["method"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers,
    }),
    gmailBatchParts: new Counter({
      name: "mailroom_gmail_batch_parts_total",
      help: "Calls carried inside Gmail batch requests, by API method and the part's own HTTP status.",
      labelNames: ["method", "status"] as const,
      registers,
    }),
    pageRoundTrips: new Histogram({
      name: "mailroom_gmail_round_trips_per_page",
      help: "Sequential Gmail round trips one page of mail cost (requests in flight together count once).",
      labelNames: ["kind"] as const,
      buckets: [0, 1, 2, 3, 4, 6, 8],
      registers,
    }),
    pageCache: new Counter({
      name: "mailroom_page_cache_requests_total",
      help: "Page cache lookups by result: hit (revalidated, unchanged or patched), miss (cold path), expired (history too old).",
      labelNames: ["result"] as const,
      registers,
    }),
    refreshGrants: new Counter({
      name: "mailroom_token_refresh_grants_total",
      help: "Refresh-token grants sent to Google's token endpoint, by outcome (ok, invalid_grant, error).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    openStreams: new Gauge({
      name: "mailroom_event_streams_open",
      help: "Server-Sent Event streams (GET /api/events) open on this instance.",
      registers,
    }),
    streamEvents: new Counter({
      name: "mailroom_event_stream_events_total",
      help: "Events written to open streams, by type (change, resync, end).",
      labelNames: ["type"] as const,
      registers,
    }),
    pushDeliveries: new Counter({
      name: "mailroom_push_deliveries_total",
      help: "Gmail push deliveries received at POST /api/google/push, by outcome.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    historyFetches: new Counter({
      name: "mailroom_history_fetches_total",
      help: "history.list syncs run for accounts with open streams, by what started them and how they ended.",
      labelNames: ["trigger", "outcome"] as const,
      registers,
    }),
    watches: new Counter({
      name: "mailroom_gmail_watch_calls_total",
      help: "users.watch calls made to (re)start Gmail push for an account, by outcome.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    accountLookups: new Counter({
      name: "mailroom_account_lookups_total",
      help: "Requests' `account=` resolved to one of the signed-in user's linked accounts (one per page render or API request).",
      registers,
    }),
    jobs: new Counter({
      name: "mailroom_jobs_total",
      help: "Attempts of server-side jobs (lib/jobs), by kind (send...) and outcome (done, retry, failed).",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    jobStartLag: new Histogram({
      name: "mailroom_job_start_lag_seconds",
      help: "Time from a job's due time to the start of its attempt, by kind.",
      labelNames: ["kind"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    jobsDueLag: new Gauge({
      name: "mailroom_jobs_due_lag_seconds",
      help: "How long the oldest due job still waiting for a slot on this instance's last look has been due (0: none).",
      registers,
    }),
    changeBusNotifications: new Counter({
      name: "mailroom_change_bus_notifications_total",
      help: "Mailbox change notifications, by direction (published, received).",
      labelNames: ["direction"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const SHARED = Symbol.for("mailroom.metrics");
type Shared = { [SHARED]?: Metrics };

/** The process's metrics, created on first use. */
export function metrics(): Metrics {
  const shared = globalThis as Shared;
  return (shared[SHARED] ??= createMetrics());
}
