// What one sender or one session cannot do to the production server the suite runs (scripts/serve.ts in front
// of Next): send a body of any size (413 at the edge, before Next or next-auth read it), hold any number of
// live streams, catch up from old positions in a loop, or fire actions without end (429 with Retry-After).
import { connect } from "node:net";
import { type Page } from "@playwright/test";
import { BODY_LIMITS, RATE_LIMITS, STREAM_LIMITS } from "../lib/limits/limits";
import { expect, forgetEveryone, signIn, test } from "./fixtures";
import { grantModify } from "./grant-helpers";

test.beforeEach(forgetEveryone);
test.afterEach(forgetEveryone);

const ROUTES = [
  ["/api/google/risc", BODY_LIMITS.securityEventReceiver],
  ["/api/google/push", BODY_LIMITS.pushReceiver],
  ["/api/auth/signin/google", BODY_LIMITS.authRoutes],
  ["/api/actions", BODY_LIMITS.actions],
] as const;

type Envelope = { error: { code: string; message: string } };

async function expectEnvelope(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(((await response.json()) as Envelope).error).toEqual({ code, message: expect.any(String) as unknown });
}

for (const [route, limit] of ROUTES) {
  test(`${route}: a body over ${limit / 1024} KB is refused 413 at the edge, declared or streamed`, async ({ appUrl }) => {
    const declared = await fetch(`${appUrl}${route}`, { method: "POST", body: new Uint8Array(limit + 1) });
    await expectEnvelope(declared, 413, "payload_too_large");

    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > limit * 8) return controller.close();
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    const streamed = await fetch(`${appUrl}${route}`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expectEnvelope(streamed, 413, "payload_too_large");
  });
}

test("a body within the cap still reaches the route: junk to the RISC receiver is its 400", async ({ appUrl }) => {
  const response = await fetch(`${appUrl}/api/google/risc`, { method: "POST", body: "x".repeat(BODY_LIMITS.securityEventReceiver) });
  await expectEnvelope(response, 400, "bad_request");
});

test("a 300 MB chunked body to the RISC receiver is cut off right after the cap", async ({ appUrl }) => {
  const { hostname, port } = new URL(appUrl);
  const socket = connect(Number(port), hostname);
  let answer = "";
  let written = 0;
  let open = true;
  socket.on("data", (data: Buffer) => (answer += data.toString("latin1")));
  socket.on("error", () => {}); // the server closes while the client still writes
  const closed = new Promise<void>((resolve) => socket.once("close", () => ((open = false), resolve())));
  socket.write(`POST /api/google/risc HTTP/1.1\r\nHost: ${hostname}\r\nTransfer-Encoding: chunked\r\n\r\n`);
  const chunk = Buffer.concat([Buffer.from("10000\r\n"), Buffer.alloc(0x10000), Buffer.from("\r\n")]);
  while (open && written < 300 * 1024 * 1024) {
    if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), closed]);
    written += 0x10000;
  }
  await closed;
  expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
  expect(answer).toContain('"code":"payload_too_large"');
  // The server stopped reading: the client could only fill the connection's buffers, not send 300 MB.
  expect(written).toBeLessThan(32 * 1024 * 1024);
});

/** The signed-in browser's cookies as one header, for requests made outside the page. */
async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** Opens GET /api/events and returns its answer (headers only) and how to close it. */
async function openStream(appUrl: string, cookie: string, query = ""): Promise<{ response: Response; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${appUrl}/api/events${query}`, { headers: { cookie }, signal: controller.signal });
  return { response, close: () => controller.abort() };
}

async function expectRateLimited(response: Response): Promise<Envelope> {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  const body = (await response.json()) as Envelope;
  expect(body.error.code).toBe("rate_limited");
  return body;
}

test("one user's live streams are capped: the next one is 429 until one of theirs closes", async ({ page, appUrl }) => {
  // Twenty streams each join the account's live feed: slow on a busy machine, not a measure of anything.
  test.setTimeout(120_000);
  await signIn(page);
  const cookie = await cookieHeader(page);
  // The inbox's own stream goes with the page.
  await page.close();

  const streams = [];
  for (let i = 0; i < STREAM_LIMITS.perUser; i += 1) {
    const stream = await openStream(appUrl, cookie);
    expect(stream.response.status, `stream ${i + 1}`).toBe(200);
    streams.push(stream);
  }
  const refused = await openStream(appUrl, cookie);
  expect((await expectRateLimited(refused.response)).error.message).toMatch(/live update streams open/);

  streams.pop()!.close();
  await expect
    .poll(async () => {
      const again = await openStream(appUrl, cookie);
      if (again.response.status === 200) streams.push(again);
      else await again.response.body?.cancel();
      return again.response.status;
    })
    .toBe(200);
  for (const stream of streams) stream.close();
});

test("streams that open from an old position (catch-ups at Gmail) are rate-limited per account", async ({ page, appUrl }) => {
  await signIn(page);
  const cookie = await cookieHeader(page);
  await page.close();

  // All at once, as a client reconnecting in a loop would: the burst is served, the one after it is refused.
  const { burst } = RATE_LIMITS.catchUpsPerAccount;
  const streams = await Promise.all(Array.from({ length: burst + 1 }, () => openStream(appUrl, cookie, "?since=1")));
  const statuses = streams.map((stream) => stream.response.status);
  expect(statuses.filter((status) => status === 200)).toHaveLength(burst);
  const refused = streams.find((stream) => stream.response.status === 429)!;
  expect((await expectRateLimited(refused.response)).error.message).toMatch(/reconnecting too often/);
  for (const stream of streams) stream.close();

  // Opening from now costs Gmail nothing extra, and is not limited by it.
  const fresh = await openStream(appUrl, cookie);
  expect(fresh.response.status).toBe(200);
  fresh.close();
});

test("one user's actions are rate-limited: a flood beyond the burst is answered 429 with Retry-After", async ({ page, appUrl }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await grantModify(page);
  const threadId = await page.getByTestId("message-row").first().getAttribute("data-thread-id");
  const cookie = await cookieHeader(page);
  const flood = RATE_LIMITS.actionsPerUser.burst * 2;
  const answers = await Promise.all(
    Array.from({ length: flood }, () =>
      fetch(`${appUrl}/api/actions`, {
        method: "POST",
        headers: { cookie, Origin: appUrl, "Content-Type": "application/json" },
        body: JSON.stringify({ action: "star", threadIds: [threadId] }),
      }),
    ),
  );
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(RATE_LIMITS.actionsPerUser.burst);
  const refused = answers.filter((answer) => answer.status === 429);
  expect(refused.length).toBeGreaterThan(0);
  await expectRateLimited(refused[0]!);
  await Promise.all(answers.filter((answer) => !answer.bodyUsed).map((answer) => answer.arrayBuffer()));
});
