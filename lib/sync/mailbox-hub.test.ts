// The live side of one instance against the emulator over HTTP and a real database: streams opened the way
// GET /api/events opens them, changes announced on the change bus (LISTEN/NOTIFY on PostgreSQL), and what
// reaches each stream.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLinkedAccount, type LinkedAccount, storedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { type EventStreamReader, type StreamEvent, eventStreamReader } from "@/scripts/testing/sse-reader";
import { hashSessionToken } from "../auth/hashed-sessions";
import { getDb } from "../db";
import { changeBus } from "./change-bus";
import { mailboxEventStream } from "./event-stream";
import type { ChangeEvent } from "./stream-events";

type LoggedRequest = { method: string; path: string };

// Changes are announced on the bus by the tests themselves: no push subscription (it would point at nothing),
// and no poll in the middle of a count.
process.env.MAILBOX_SYNC = "poll";
process.env.MAILBOX_POLL_SECONDS = "3600";

const environment = useIntegrationEnvironment();
let ada: LinkedAccount;
let sessionHash: string;
const open: EventStreamReader[] = [];

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  // A sign-in stores the address Google's profile gave (lib/auth/options.ts); notices name mailboxes by it.
  await getDb().account.update({ where: { id: ada.accountId }, data: { email: "ada@example.com" } });
  sessionHash = await newSession(ada.userId);
});
afterEach(() => {
  for (const reader of open.splice(0)) reader.close();
});

async function newSession(userId: string): Promise<string> {
  const hash = hashSessionToken(randomBytes(32).toString("base64url"));
  await getDb().session.create({ data: { sessionToken: hash, userId, expires: new Date(Date.now() + 3_600_000) } });
  return hash;
}

async function openStream(options: { since?: string | null; label?: string; session?: string } = {}): Promise<EventStreamReader> {
  const abort = new AbortController();
  const stream = mailboxEventStream({
    mailboxes: [{ account: await storedAccount(ada.accountId), since: options.since ?? null }],
    combined: false,
    label: options.label ?? "INBOX",
    sessionHash: options.session ?? sessionHash,
    signal: abort.signal,
  });
  const reader = eventStreamReader(new Response(stream, { headers: { "content-type": "text/event-stream" } }), () => abort.abort());
  open.push(reader);
  return reader;
}

function insert(subject: string) {
  return control<{ id: string; threadId: string }>(environment.emulatorUrl, "POST", "messages", {
    email: "ada@example.com",
    raw: `From: Bob <bob@example.com>\r\nSubject: ${subject}\r\nMessage-ID: <${randomBytes(6).toString("hex")}@example.com>\r\n\r\nHello`,
  });
}

async function historyCalls(): Promise<number> {
  const { requests } = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
  return requests.filter((request) => request.path.startsWith("/gmail/v1/users/me/history")).length;
}

const isChange = (event: StreamEvent) => event.type === "change";
const changeOf = (event: StreamEvent) => event.data as ChangeEvent;

describe("live mailbox streams", () => {
  it("a notice reaches every stream of the mailbox with one history.list for all of them, and the new mail is in it", async () => {
    const streams = await Promise.all([openStream(), openStream(), openStream({ label: "ALL" })]);
    const ready = await Promise.all(streams.map((stream) => stream.next((event) => event.type === "ready")));
    expect(new Set(ready.map((event) => event.id)).size).toBe(1);

    const { threadId } = await insert("Live one");
    await control(environment.emulatorUrl, "DELETE", "requests");
    await changeBus().publish({ email: "ada@example.com", historyId: null });

    const changes = await Promise.all(streams.map((stream) => stream.next(isChange)));
    for (const change of changes) {
      expect(changeOf(change).upserts.map((thread) => thread.id)).toEqual([threadId]);
      expect(changeOf(change).upserts[0]).toMatchObject({ subject: "Live one", unread: true, labelIds: ["INBOX", "UNREAD"] });
      expect(change.id).toBe(changeOf(change).historyId);
    }
    expect(await historyCalls()).toBe(1);
  });

  it("a notice about another mailbox, or a position already synced, costs no Gmail call", async () => {
    const stream = await openStream();
    const ready = await stream.next((event) => event.type === "ready");
    await control(environment.emulatorUrl, "DELETE", "requests");
    await changeBus().publish({ email: "grace@example.com", historyId: "999999" });
    await changeBus().publish({ email: "ada@example.com", historyId: ready.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await historyCalls()).toBe(0);
    expect(stream.received.filter(isChange)).toEqual([]);
  });

  it("a stream resuming from its last event id gets what happened while it was away, with or without other streams open", async () => {
    const first = await openStream();
    const position = (await first.next((event) => event.type === "ready")).id!;
    first.close();
    const missed = await insert("While away");
    // No stream left: the resumed one starts a new feed from its own position.
    const resumed = await openStream({ since: position });
    expect((await resumed.next((event) => event.type === "ready")).id).toBe(position);
    expect(changeOf(await resumed.next(isChange)).upserts.map((thread) => thread.id)).toEqual([missed.threadId]);

    // Another stream keeps the feed ahead; one coming back from the old position is caught up alone.
    const later = await insert("Later");
    await changeBus().publish({ email: "ada@example.com", historyId: null });
    await resumed.next((event) => isChange(event) && changeOf(event).upserts.some((thread) => thread.id === later.threadId));
    const behind = await openStream({ since: position });
    const caughtUp = changeOf(await behind.next(isChange)).upserts.map((thread) => thread.id);
    expect(caughtUp.sort()).toEqual([missed.threadId, later.threadId].sort());
  });

  it("a position Gmail no longer keeps asks the browser to reload, then follows from now", async () => {
    const stream = await openStream({ since: "1" });
    const resync = await stream.next((event) => event.type === "resync");
    expect(resync.data).toMatchObject({ account: "ada@example.com", reason: "history_expired" });
    const { threadId } = await insert("After the reload");
    await changeBus().publish({ email: "ada@example.com", historyId: null });
    expect(changeOf(await stream.next(isChange)).upserts.map((thread) => thread.id)).toEqual([threadId]);
  });

  it("ends the stream of a session that signed out, and of an account that needs re-authorization", { timeout: 40_000 }, async () => {
    const other = await newSession(ada.userId);
    const signedOut = await openStream({ session: other });
    const staying = await openStream();
    await Promise.all([signedOut, staying].map((stream) => stream.next((event) => event.type === "ready")));

    await getDb().session.delete({ where: { sessionToken: other } });
    expect((await signedOut.next((event) => event.type === "end", 15_000)).data).toEqual({ reason: "signed_out" });
    await signedOut.ended;

    await getDb().account.update({ where: { id: ada.accountId }, data: { reauthReason: "revoked" } });
    expect((await staying.next((event) => event.type === "end", 15_000)).data).toEqual({ reason: "reauth_required" });
    await staying.ended;
  });
});
