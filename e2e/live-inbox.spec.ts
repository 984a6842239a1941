// The live inbox end to end: the production server against the emulator, whose Pub/Sub pushes every mailbox
// change to the app (the app set that up itself, as in development), and the event stream read over HTTP with
// a signed-in session, or by the browser's own EventSource.
import type { Page } from "@playwright/test";
import { signInOverHttp } from "../scripts/lib/http-session";
import { expect, signIn, test } from "./fixtures";
import {
  type ChangeData,
  anotherGmailClient,
  beforeTheStreamOpens,
  changeFor,
  deliverMail,
  gmailRequests,
  openMailboxStream,
  pushesAnswered,
  pushesTo,
  startInstance,
  temporaryPostgresDatabase,
} from "./live-helpers";

const ADA = "ada@example.com";

/** The browser, signed in with the session `cookie` (a `Cookie` header value), on that instance's inbox, live. */
async function openInboxInBrowser(page: Page, appUrl: string, cookie: string): Promise<void> {
  const cookies = cookie.split("; ").map((pair) => {
    const separator = pair.indexOf("=");
    return { name: pair.slice(0, separator), value: pair.slice(separator + 1), url: appUrl };
  });
  await page.context().addCookies(cookies);
  await page.goto(`${appUrl}/inbox`);
  await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
}

const rowOf = (page: Page, threadId: string) => page.locator(`[data-testid="message-row"][data-thread-id="${threadId}"]`);

test.describe("live inbox", () => {
  test("new mail, and a read, star and archive made in another client, reach the open stream through push", async ({
    appUrl,
    emulator,
  }) => {
    // Every change notified (Gmail's one-a-second limit would drop some; the app covers for that, tested apart).
    await emulator.control("POST", "watches/rate", { intervalMs: 0 });
    const cookie = await signInOverHttp(appUrl, emulator.url, ADA);
    const stream = await openMailboxStream(appUrl, cookie);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const ready = await stream.next((event) => event.type === "ready");
    expect(ready.data).toEqual({ account: ADA, historyId: ready.id });

    await emulator.control("DELETE", "requests");
    const arrived = await deliverMail(emulator, "Live: arrives without reload");
    const row = await changeFor(stream, arrived.threadId);
    expect(row).toMatchObject({ subject: "Live: arrives without reload", unread: true, latestMessageId: arrived.id });
    expect(row.labelIds).toContain("INBOX");
    // It came by push (the notification of exactly that position, acknowledged), and cost one history.list and
    // one batch for that conversation.
    const position = stream.lastEventId();
    const pushes = await pushesTo(emulator, `${appUrl}/api/google/push`);
    expect(pushes.filter((push) => push.historyId === position).map((push) => push.status)).toEqual([204]);
    expect((await gmailRequests(emulator)).slice(0, 2)).toEqual(["GET /gmail/v1/users/me/history", "POST /batch/gmail/v1"]);

    const phone = await anotherGmailClient(emulator);
    await phone.markRead(arrived.id);
    expect(await changeFor(stream, arrived.threadId, (changed) => !changed.unread)).toMatchObject({ unread: false });
    await phone.star(arrived.id);
    expect(await changeFor(stream, arrived.threadId, (changed) => changed.starred)).toMatchObject({ starred: true });
    await phone.archive(arrived.id);
    const archived = await changeFor(stream, arrived.threadId, (changed) => !changed.labelIds.includes("INBOX"));
    expect(archived.labelIds).not.toContain("INBOX");

    // Each conversation came once per change, never twice in one event.
    for (const event of stream.received.filter((candidate) => candidate.type === "change")) {
      const ids = (event.data as ChangeData).upserts.map((upsert) => upsert.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    stream.close();
  });

  test("a change Gmail leaves unannounced (at most one notification a second) still arrives", async ({ appUrl, emulator }) => {
    const cookie = await signInOverHttp(appUrl, emulator.url, ADA);
    const stream = await openMailboxStream(appUrl, cookie);
    await stream.next((event) => event.type === "ready");
    const first = await deliverMail(emulator, "Live: first of two");
    const second = await deliverMail(emulator, "Live: right after it");
    const seen = () =>
      stream.received
        .filter((event) => event.type === "change")
        .flatMap((event) => (event.data as ChangeData).upserts.map((row) => row.id));
    await expect.poll(seen).toEqual(expect.arrayContaining([first.threadId, second.threadId]));
    const { notifications } = (await emulator.control("GET", "pubsub/deliveries")) as { notifications: { dropped?: string }[] };
    expect(notifications.some((notification) => notification.dropped === "rate-limit")).toBe(true);
    stream.close();
  });

  test("the browser's own EventSource follows the mailbox", async ({ page, emulator }) => {
    await signIn(page);
    await page.evaluate(() => {
      const events: { type: string; data: string }[] = [];
      (window as unknown as { liveEvents: typeof events }).liveEvents = events;
      const source = new EventSource("/api/events?label=INBOX");
      for (const type of ["ready", "change"])
        source.addEventListener(type, (event) => events.push({ type, data: (event as MessageEvent<string>).data }));
    });
    const eventsOf = (type: string) =>
      page.evaluate(
        (wanted) =>
          (window as unknown as { liveEvents: { type: string; data: string }[] }).liveEvents
            .filter((event) => event.type === wanted)
            .map((event) => event.data),
        type,
      );
    await expect.poll(() => eventsOf("ready")).toHaveLength(1);
    const arrived = await deliverMail(emulator, "Live: in the browser");
    await expect.poll(async () => (await eventsOf("change")).join("\n")).toContain(arrived.threadId);
  });

  test("the open inbox shows new mail at the top, and a read and an archive made elsewhere, without a reload", async ({
    page,
    emulator,
  }) => {
    await emulator.control("POST", "watches/rate", { intervalMs: 0 });
    await signIn(page);
    const rows = page.getByTestId("message-row");
    await expect(rows.first()).toBeVisible();
    // The list says when its stream is live (the mailbox watched, changes flowing).
    await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
    // Set on this document only: a reload or a navigation would lose it.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const sameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

    const arrived = await deliverMail(emulator, "Live: on screen without reload");
    const row = page.locator(`[data-testid="message-row"][data-thread-id="${arrived.threadId}"]`);
    await expect(row).toBeVisible({ timeout: 10_000 });
    await expect(rows.first()).toHaveAttribute("data-thread-id", arrived.threadId);
    await expect(row).toHaveClass(/unread/);
    await expect(row).toHaveCount(1);

    const phone = await anotherGmailClient(emulator);
    await phone.markRead(arrived.id);
    await expect(row).not.toHaveClass(/unread/, { timeout: 10_000 });
    await phone.archive(arrived.id);
    await expect(row).toHaveCount(0, { timeout: 10_000 });
    expect(await sameDocument()).toBe(true);
  });

  test("mail that arrives after the page rendered and before its stream opened still reaches the open inbox", async ({
    page,
    appUrl,
    emulator,
  }) => {
    await emulator.control("POST", "watches/rate", { intervalMs: 0 });
    await signIn(page);
    await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
    let arrived: { id: string; threadId: string } | undefined;
    const { finished } = await beforeTheStreamOpens(page, async () => {
      const answered = await pushesAnswered(emulator, appUrl);
      arrived = await deliverMail(emulator, "Live: between render and stream");
      // The app has heard of it (and let it go: no stream was open for this page yet).
      await expect.poll(() => pushesAnswered(emulator, appUrl)).toBeGreaterThan(answered);
    });
    await page.goto("/inbox");
    await finished;
    await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
    await expect(rowOf(page, arrived!.threadId)).toBeVisible();
    await expect(page.getByTestId("message-row").first()).toHaveAttribute("data-thread-id", arrived!.threadId);
  });

  test("an empty inbox is live too: mail arriving before and after its stream opened shows up without a reload", async ({
    page,
    appUrl,
    emulator,
  }) => {
    await emulator.control("POST", "watches/rate", { intervalMs: 0 });
    const EMPTY = "empty@example.com";
    let first: { id: string; threadId: string } | undefined;
    const { finished } = await beforeTheStreamOpens(page, async () => {
      first = await deliverMail(emulator, "Live: the first mail of an empty inbox", EMPTY);
    });
    await signIn(page, { email: EMPTY });
    await finished;
    await expect(page.locator(".conversations")).toHaveAttribute("data-live", "live");
    await expect(rowOf(page, first!.threadId)).toBeVisible();

    // And once it is live, the next one arrives like in any other inbox.
    const second = await deliverMail(emulator, "Live: the second", EMPTY);
    await expect(rowOf(page, second.threadId)).toBeVisible();
    await expect(page.getByTestId("message-row")).toHaveCount(2);
    expect(await pushesAnswered(emulator, appUrl)).toBeGreaterThan(0);
  });

  test("refuses a stream to anyone not signed in, and for an account that is not theirs", async ({ appUrl, emulator }) => {
    const anonymous = await fetch(`${appUrl}/api/events`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthenticated" } });
    const cookie = await signInOverHttp(appUrl, emulator.url, ADA);
    for (const query of ["?account=grace@example.com", "?label=NOPE", "?since=12ab", "?account=all&since=12"]) {
      const response = await fetch(`${appUrl}/api/events${query}`, { headers: { cookie } });
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
    }
  });

  test("with polling instead of push, new mail reaches the stream and the open inbox too, and no watch or push is involved", async ({
    emulator,
    page,
  }) => {
    const instance = await startInstance(emulator, { env: { MAILBOX_SYNC: "poll", MAILBOX_POLL_SECONDS: "1" } });
    try {
      const { url } = instance.app;
      const cookie = await signInOverHttp(url, emulator.url, ADA);
      const stream = await openMailboxStream(url, cookie);
      await stream.next((event) => event.type === "ready");
      await openInboxInBrowser(page, url, cookie);
      const arrived = await deliverMail(emulator, "Live: polled");
      expect(await changeFor(stream, arrived.threadId)).toMatchObject({ subject: "Live: polled" });
      stream.close();
      await expect(rowOf(page, arrived.threadId)).toBeVisible({ timeout: 10_000 });

      const { endpoints } = (await emulator.control("GET", "stats")) as { endpoints: Record<string, number> };
      expect(endpoints["POST /gmail/v1/users/me/watch"] ?? 0).toBe(0);
      expect(await pushesTo(emulator, `${url}/api/google/push`)).toEqual([]);
      // Without push there is no push endpoint to send to.
      expect((await fetch(`${url}/api/google/push`, { method: "POST", body: "{}" })).status).toBe(404);
    } finally {
      await instance.dispose();
    }
  });

  test("a stream resumes across a restart of the app instance, with what happened while it was down", async ({ emulator }) => {
    test.setTimeout(120_000);
    const instance = await startInstance(emulator);
    try {
      const cookie = await signInOverHttp(instance.app.url, emulator.url, ADA);
      const stream = await openMailboxStream(instance.app.url, cookie);
      await stream.next((event) => event.type === "ready");
      const before = await deliverMail(emulator, "Live: before the restart");
      await changeFor(stream, before.threadId);
      const position = stream.lastEventId();

      const restarting = instance.restart();
      // The stopping server ends the stream at once, without `end`: the client is free to come back.
      await stream.ended;
      expect(stream.received.some((event) => event.type === "end")).toBe(false);
      const during = await deliverMail(emulator, "Live: while the app restarts");
      const app = await restarting;

      const resumed = await openMailboxStream(app.url, cookie, { lastEventId: position });
      expect(resumed.status).toBe(200);
      expect((await resumed.next((event) => event.type === "ready")).id).toBe(position);
      expect(await changeFor(resumed, during.threadId)).toMatchObject({ subject: "Live: while the app restarts" });
      const after = await deliverMail(emulator, "Live: after the restart");
      // Pub/Sub backed off while the endpoint was down (up to a minute, subscription-wide): the next push
      // comes when that pause ends.
      expect(await changeFor(resumed, after.threadId, () => true, 60_000)).toMatchObject({ subject: "Live: after the restart" });
      resumed.close();
    } finally {
      await instance.dispose();
    }
  });

  test("two instances sharing PostgreSQL: one watch between them, and a push received by one reaches the other's streams and open inbox", async ({
    emulator,
    page,
  }) => {
    test.setTimeout(120_000);
    const database = await temporaryPostgresDatabase();
    const instances: Awaited<ReturnType<typeof startInstance>>[] = [];
    try {
      await emulator.control("POST", "watches/rate", { intervalMs: 0 });
      const a = await startInstance(emulator, { databaseUrl: database.url });
      instances.push(a);
      // The same database and secrets: one deployment behind a load balancer.
      const b = await startInstance(emulator, { env: a.env as Record<string, string> });
      instances.push(b);

      const cookie = await signInOverHttp(a.app.url, emulator.url, ADA);
      const onA = await openMailboxStream(a.app.url, cookie);
      await onA.next((event) => event.type === "ready");
      const onB = await openMailboxStream(b.app.url, cookie);
      await onB.next((event) => event.type === "ready");
      await openInboxInBrowser(page, b.app.url, cookie);
      const { endpoints } = (await emulator.control("GET", "stats")) as { endpoints: Record<string, number> };
      expect(endpoints["POST /gmail/v1/users/me/watch"]).toBe(1);

      const arrived = await deliverMail(emulator, "Live: to every instance");
      await expect(rowOf(page, arrived.threadId)).toBeVisible({ timeout: 10_000 });
      await changeFor(onA, arrived.threadId);
      await changeFor(onB, arrived.threadId);
      const phone = await anotherGmailClient(emulator);
      await phone.markRead(arrived.id);
      await changeFor(onA, arrived.threadId, (row) => !row.unread);
      await changeFor(onB, arrived.threadId, (row) => !row.unread);

      // Every push went to the instance that watches; the other heard of them through PostgreSQL.
      expect((await pushesTo(emulator, `${a.app.url}/api/google/push`)).length).toBeGreaterThanOrEqual(2);
      expect(await pushesTo(emulator, `${b.app.url}/api/google/push`)).toEqual([]);
      onA.close();
      onB.close();
    } finally {
      for (const instance of instances.reverse()) await instance.dispose();
      await database.drop();
    }
  });
});
