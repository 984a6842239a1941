import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";

import { gmail } from "@googleapis/gmail";
import { OAuth2Client } from "google-auth-library";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  PERSON_WAITING_RETRY,
  RetryBudget,
  gmailClientRetryConfig,
  isRetryableFailure,
  isRetryableNetworkError,
  isRetryableStatus,
  retryAfterMs,
  retryDelayMs,
} from "./retry-policy";

describe("isRetryableStatus", () => {
  it("retries throttling and transient server errors only", () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 204, 400, 401, 403, 404, 408, 409, 501, 505].some(isRetryableStatus)).toBe(false);
  });
});

describe("isRetryableFailure", () => {
  it("retries Gmail's rate-limit 403s like a 429, and no other 403", () => {
    expect(isRetryableFailure(403, "userRateLimitExceeded")).toBe(true);
    expect(isRetryableFailure(403, "rateLimitExceeded")).toBe(true);
    expect(isRetryableFailure(503, undefined)).toBe(true);
    for (const reason of ["insufficientPermissions", "dailyLimitExceeded", "forbidden", undefined])
      expect(isRetryableFailure(403, reason)).toBe(false);
    expect(isRetryableFailure(400, "rateLimitExceeded")).toBe(false);
  });
});

describe("isRetryableNetworkError", () => {
  it("recognises socket and DNS failures, also when wrapped by fetch", () => {
    expect(isRetryableNetworkError(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(true);
    expect(
      isRetryableNetworkError(new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "UND_ERR_SOCKET" }) })),
    ).toBe(true);
    expect(isRetryableNetworkError({ code: "EAI_AGAIN" })).toBe(true);
  });

  it("rejects errors that carry an HTTP response or are not transient", () => {
    expect(isRetryableNetworkError({ code: "ECONNRESET", response: { status: 400 } })).toBe(false);
    expect(isRetryableNetworkError(new Error("boom"))).toBe(false);
    expect(isRetryableNetworkError({ code: "ERR_INVALID_URL" })).toBe(false);
    expect(isRetryableNetworkError({ code: 503 })).toBe(false);
    expect(isRetryableNetworkError(null)).toBe(false);
    expect(isRetryableNetworkError("ECONNRESET")).toBe(false);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2024-01-01T00:00:00Z");
  it("reads delta-seconds and HTTP-dates", () => {
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("1.5", now)).toBe(1500);
    expect(retryAfterMs("Mon, 01 Jan 2024 00:00:07 GMT", now)).toBe(7000);
    expect(retryAfterMs("Sun, 31 Dec 2023 23:59:00 GMT", now)).toBe(0);
  });
  it("returns null for absent or unreadable values", () => {
    for (const value of [undefined, null, "", "  ", "-5", "soon", "1e3", "12abc"]) expect(retryAfterMs(value, now)).toBeNull();
  });
});

describe("retryDelayMs", () => {
  it("grows exponentially from 200 ms and caps at 5 s, jittered over the full range", () => {
    const top = () => 0.999999;
    expect(retryDelayMs({ attempt: 1, random: top })).toBe(199);
    expect(retryDelayMs({ attempt: 2, random: top })).toBe(399);
    expect(retryDelayMs({ attempt: 3, random: top })).toBe(799);
    expect(retryDelayMs({ attempt: 10, random: top })).toBe(4999);
    expect(retryDelayMs({ attempt: 1000, random: top })).toBe(4999);
    expect(retryDelayMs({ attempt: 3, random: () => 0 })).toBe(0);
    expect(retryDelayMs({ attempt: 3, random: () => 0.5 })).toBe(400);
  });

  it("stays within the jitter window with the default random source", () => {
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs({ attempt: 2 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });

  it("treats nonsense attempts as the first retry and nonsense randoms as zero", () => {
    expect(retryDelayMs({ attempt: 0, random: () => 0.999999 })).toBe(199);
    expect(retryDelayMs({ attempt: Number.NaN, random: () => 0.999999 })).toBe(199);
    expect(retryDelayMs({ attempt: -3, random: () => 0.999999 })).toBe(199);
    expect(retryDelayMs({ attempt: 2, random: () => Number.NaN })).toBe(0);
    expect(retryDelayMs({ attempt: 2, random: () => 7 })).toBe(400);
  });

  it("waits for Retry-After when it asks for longer, capped at 10 s", () => {
    expect(retryDelayMs({ attempt: 1, retryAfter: "2", random: () => 0.5 })).toBe(2000);
    expect(retryDelayMs({ attempt: 1, retryAfter: "3600", random: () => 0.5 })).toBe(10_000);
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(retryDelayMs({ attempt: 1, retryAfter: "Mon, 01 Jan 2024 00:00:04 GMT", random: () => 0, now })).toBe(4000);
  });

  it("keeps its own backoff when Retry-After is shorter or unreadable", () => {
    expect(retryDelayMs({ attempt: 4, retryAfter: "0", random: () => 0.999999 })).toBe(1599);
    expect(retryDelayMs({ attempt: 4, retryAfter: "later", random: () => 0.5 })).toBe(800);
  });
});

describe("RetryBudget", () => {
  function clock(start = 1_000_000) {
    let now = start;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  }

  it("allows three retries by default, then gives up", () => {
    const budget = new RetryBudget({ random: () => 0.5, now: clock().now });
    expect(budget.nextDelayMs()).toBe(100);
    expect(budget.nextDelayMs()).toBe(200);
    expect(budget.nextDelayMs()).toBe(400);
    expect(budget.nextDelayMs()).toBeNull();
    expect(budget.failedAttempts).toBe(4);
  });

  it("gives up when the next wait would end past the elapsed-time bound", () => {
    const time = clock();
    const budget = new RetryBudget({ maxAttempts: 10, maxElapsedMs: 8000, random: () => 0.5, now: time.now });
    expect(budget.nextDelayMs({ retryAfter: "5" })).toBe(5000);
    time.advance(5500);
    expect(budget.nextDelayMs({ retryAfter: "2" })).toBe(2000);
    time.advance(2100);
    expect(budget.nextDelayMs({ retryAfter: "1" })).toBeNull();
  });

  it("gives up at once when Retry-After asks for more than it would ever wait", () => {
    const budget = new RetryBudget({ maxElapsedMs: 60_000, random: () => 0, now: clock().now });
    expect(budget.nextDelayMs({ retryAfter: "30" })).toBeNull();
  });

  it("for a person waiting on a change: one quick retry, and never a Retry-After's seconds of waiting", () => {
    const time = clock();
    const budget = new RetryBudget({ ...PERSON_WAITING_RETRY, random: () => 0.99, now: time.now });
    const first = budget.nextDelayMs();
    expect(first).not.toBeNull();
    expect(first!).toBeLessThan(1_000);
    time.advance(first!);
    expect(budget.nextDelayMs()).toBeNull();

    const busy = new RetryBudget({ ...PERSON_WAITING_RETRY, now: clock().now });
    expect(busy.nextDelayMs({ retryAfter: "5" })).toBeNull();
  });

  it("honours custom attempt limits", () => {
    const budget = new RetryBudget({ maxAttempts: 1, now: clock().now });
    expect(budget.nextDelayMs()).toBeNull();
  });
});

describe("gmailClientRetryConfig with the official client", () => {
  type Reply = (req: IncomingMessage, res: ServerResponse) => void;
  let server: Server;
  let replies: Reply[] = [];
  let seen: { method: string; at: number }[] = [];
  let baseUrl = "";

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? "", at: Date.now() });
      const reply = replies.shift() ?? json(200, { id: "abc", threadId: "abc" });
      req.resume();
      req.on("end", () => reply(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    replies = [];
    seen = [];
  });

  function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
    return (_req, res) => {
      res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
      res.end(JSON.stringify(body));
    };
  }
  const failure = (status: number, headers: Record<string, string> = {}) =>
    json(status, { error: { code: status, message: "nope", status: "UNAVAILABLE" } }, headers);

  function client() {
    const auth = new OAuth2Client({ clientId: "id", clientSecret: "secret" });
    auth.setCredentials({ access_token: "token", expiry_date: Date.now() + 3_600_000 });
    return gmail({ version: "v1", auth, rootUrl: baseUrl, retryConfig: gmailClientRetryConfig });
  }

  it("retries a GET through 503s and returns the eventual success", async () => {
    replies = [failure(503), failure(500)];
    const res = await client().users.messages.get({ userId: "me", id: "abc" });
    expect(res.data.id).toBe("abc");
    expect(seen).toHaveLength(3);
  });

  it("waits as long as Retry-After asks before retrying", async () => {
    replies = [failure(429, { "retry-after": "1" })];
    const res = await client().users.messages.get({ userId: "me", id: "abc" });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("retries Gmail's per-user rate-limit 403 but not a missing-scope 403", async () => {
    const forbidden = (reason: string) =>
      json(403, { error: { code: 403, message: "nope", errors: [{ message: "nope", domain: "usageLimits", reason }] } });
    replies = [forbidden("userRateLimitExceeded")];
    expect((await client().users.messages.get({ userId: "me", id: "abc" })).status).toBe(200);
    expect(seen).toHaveLength(2);

    seen = [];
    replies = [forbidden("insufficientPermissions")];
    await expect(client().users.messages.get({ userId: "me", id: "abc" })).rejects.toMatchObject({ status: 403 });
    expect(seen).toHaveLength(1);
  });

  it("gives up after three retries and surfaces the last status", async () => {
    replies = [failure(500), failure(502), failure(503), failure(504), json(200, {})];
    await expect(client().users.messages.get({ userId: "me", id: "abc" })).rejects.toMatchObject({ status: 504 });
    expect(seen).toHaveLength(4);
  });

  it("does not retry POST", async () => {
    replies = [failure(503)];
    await expect(
      client().users.messages.modify({ userId: "me", id: "abc", requestBody: { removeLabelIds: ["UNREAD"] } }),
    ).rejects.toMatchObject({ status: 503 });
    expect(seen.map((r) => r.method)).toEqual(["POST"]);
  });

  it("does not retry client errors", async () => {
    replies = [failure(404), failure(400)];
    await expect(client().users.messages.get({ userId: "me", id: "abc" })).rejects.toMatchObject({ status: 404 });
    expect(seen).toHaveLength(1);
  });

  it("fails fast when Retry-After is longer than the retry budget", async () => {
    replies = [failure(429, { "retry-after": "120" })];
    await expect(client().users.messages.get({ userId: "me", id: "abc" })).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(1);
  });

  it("retries a dropped connection", async () => {
    replies = [(req) => req.socket.destroy()];
    const res = await client().users.messages.get({ userId: "me", id: "abc" });
    expect(res.data.id).toBe("abc");
    expect(seen).toHaveLength(2);
  });

  it("is not mutated by the requests that use it", async () => {
    replies = [failure(503)];
    await client().users.messages.get({ userId: "me", id: "abc" });
    expect(gmailClientRetryConfig.currentRetryAttempt).toBeUndefined();
    expect(gmailClientRetryConfig.timeOfFirstRequest).toBeUndefined();
  });
});
