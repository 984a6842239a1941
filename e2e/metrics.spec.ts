// GET /api/metrics on the production server: absent without METRICS_TOKEN, bearer-protected with it, and in
// Prometheus's text format with what an operator needs to see in production: request durations, Gmail calls by
// method and status, round trips per page, refresh grants, open streams, push deliveries. The server's own
// request timing and the route handlers' Gmail calls land in one registry.
import { signInOverHttp } from "../scripts/lib/http-session";
import { expect, test } from "./fixtures";
import { deliverMail, changeFor, openMailboxStream, startInstance } from "./live-helpers";

const TOKEN = "metrics-token-for-the-e2e-suite";

/** The value of one sample (`name{labels} value`), or undefined when it is not exposed. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const wanted = Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`));
    if (wanted) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

test("the suite's server, with no METRICS_TOKEN, has no metrics endpoint", async ({ appUrl }) => {
  const response = await fetch(`${appUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(404);
});

test("metrics need the bearer token, and show requests, Gmail calls, round trips, refreshes, streams and pushes", async ({ emulator }) => {
  test.setTimeout(120_000);
  const instance = await startInstance(emulator, { env: { METRICS_TOKEN: TOKEN } });
  try {
    const { url } = instance.app;
    const scrape = (authorization?: string) => fetch(`${url}/api/metrics`, { headers: authorization ? { authorization } : {} });
    for (const authorization of [
      undefined,
      "Bearer wrong-token-of-some-length",
      `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`,
      TOKEN,
    ]) {
      const refused = await scrape(authorization);
      expect(refused.status, authorization ?? "none").toBe(401);
      expect(await refused.text()).not.toContain("mailroom_");
    }

    const cookie = await signInOverHttp(url, emulator.url, "ada@example.com");
    expect((await fetch(`${url}/api/messages?pageSize=10`, { headers: { cookie } })).status).toBe(200);
    // An expired access token: the next page refreshes it first.
    await emulator.control("POST", "expire", {});
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(instance.env.DATABASE_URL!.slice("file:".length));
    db.prepare('UPDATE "Account" SET "expires_at" = ?').run(Math.floor(Date.now() / 1000) - 60);
    db.close();
    expect((await fetch(`${url}/api/messages?pageSize=10`, { headers: { cookie } })).status).toBe(200);
    const stream = await openMailboxStream(url, cookie);
    await stream.next((event) => event.type === "ready");
    const arrived = await deliverMail(emulator, "Metrics: pushed");
    await changeFor(stream, arrived.threadId);
    await emulator.control("POST", "pubsub/forge", { kind: "wrong-audience" });
    await emulator.control("POST", "pubsub/forge", { kind: "unsigned" });

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    expect(sample(text, "mailroom_http_request_duration_seconds_count", { route: "/api/messages", method: "GET", status: "200" })).toBe(2);
    expect(sample(text, "mailroom_gmail_requests_total", { method: "messages.list", status: "200" })).toBe(2);
    expect(sample(text, "mailroom_gmail_requests_total", { method: "batch", status: "200" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, "mailroom_gmail_requests_total", { method: "history.list", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "mailroom_gmail_requests_total", { method: "watch", status: "200" })).toBe(1);
    expect(sample(text, "mailroom_gmail_batch_parts_total", { method: "messages.get", status: "200" })).toBe(20);
    // Every page cost two round trips: the list, then one batch.
    expect(sample(text, "mailroom_gmail_round_trips_per_page_count", { kind: "page" })).toBe(2);
    expect(sample(text, "mailroom_gmail_round_trips_per_page_sum", { kind: "page" })).toBe(4);
    expect(sample(text, "mailroom_token_refresh_grants_total", { outcome: "ok" })).toBe(1);
    expect(sample(text, "mailroom_event_streams_open")).toBe(1);
    expect(sample(text, "mailroom_push_deliveries_total", { outcome: "accepted" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "mailroom_push_deliveries_total", { outcome: "forbidden" })).toBe(1);
    expect(sample(text, "mailroom_push_deliveries_total", { outcome: "unauthenticated" })).toBe(1);
    expect(text).toContain("# TYPE mailroom_page_cache_requests_total counter");
    // Nothing that identifies a person or a message.
    expect(text).not.toMatch(/ada@example\.com|Metrics: pushed/);
    stream.close();
  } finally {
    await instance.dispose();
  }
});
