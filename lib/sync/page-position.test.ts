// A page's position (listThreadsPositioned) against the emulator over HTTP and a real database: a stream
// started there gets the mail that arrived after the page was read and before the stream opened, for a page
// of conversations and for an empty one.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLinkedAccount, storedAccount } from "@/scripts/testing/accounts";
import { control, deliverFromBob } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { type EventStreamReader, type StreamEvent, eventStreamReader } from "@/scripts/testing/sse-reader";
import { hashSessionToken } from "../auth/hashed-sessions";
import { getDb } from "../db";
import { mailboxEventStream } from "./event-stream";
import { PageCache } from "./page-cache";
import { listThreadsPositioned } from "./page-cache-list";
import type { ChangeEvent } from "./stream-events";

type LoggedRequest = { method: string; path: string };

// No push subscription and no poll: the stream's own catch-up from its position is what is tested.
process.env.MAILBOX_SYNC = "poll";
process.env.MAILBOX_POLL_SECONDS = "3600";

const environment = useIntegrationEnvironment();
const open: EventStreamReader[] = [];
afterEach(() => {
  for (const reader of open.splice(0)) reader.close();
});
beforeEach(async () => {
  await control(environment.emulatorUrl, "DELETE", "requests");
});

async function streamFrom(accountId: string, userId: string, since: string): Promise<EventStreamReader> {
  const sessionHash = hashSessionToken(randomBytes(32).toString("base64url"));
  await getDb().session.create({ data: { sessionToken: sessionHash, userId, expires: new Date(Date.now() + 3_600_000) } });
  const abort = new AbortController();
  const stream = mailboxEventStream({
    mailboxes: [{ account: await storedAccount(accountId), since }],
    combined: false,
    label: "INBOX",
    sessionHash,
    signal: abort.signal,
  });
  const reader = eventStreamReader(new Response(stream, { headers: { "content-type": "text/event-stream" } }), () => abort.abort());
  open.push(reader);
  return reader;
}

const deliver = (email: string, subject: string) => deliverFromBob(environment.emulatorUrl, email, subject);

const upsertOf = (threadId: string) => (event: StreamEvent) =>
  event.type === "change" && (event.data as ChangeEvent).upserts.some((row) => row.id === threadId);

describe("a page's position", () => {
  it.each(["ada@example.com", "empty@example.com"])(
    "starts %s's stream where the page stands: mail arriving in between comes at once",
    async (email) => {
      const linked = await createLinkedAccount(environment.emulatorUrl, email);
      await getDb().account.update({ where: { id: linked.accountId }, data: { email } });
      const { page, historyId } = await listThreadsPositioned(
        { account: await storedAccount(linked.accountId), label: "INBOX", pageSize: 25 },
        new PageCache(),
      );
      const arrived = await deliver(email, "Between the page and its stream");
      expect(page.threads.map((thread) => thread.id)).not.toContain(arrived.threadId);

      const stream = await streamFrom(linked.accountId, linked.userId, historyId);
      expect((await stream.next((event) => event.type === "ready")).id).toBe(historyId);
      const change = await stream.next(upsertOf(arrived.threadId));
      expect((change.data as ChangeEvent).upserts.find((row) => row.id === arrived.threadId)).toMatchObject({
        subject: "Between the page and its stream",
        unread: true,
      });
    },
  );

  it("of an empty page is read before a list that shows the page, so nothing falls between them", async () => {
    const linked = await createLinkedAccount(environment.emulatorUrl, "empty@example.com");
    await control(environment.emulatorUrl, "DELETE", "requests");
    const { page, historyId } = await listThreadsPositioned(
      { account: await storedAccount(linked.accountId), label: "INBOX", pageSize: 25 },
      new PageCache(),
    );
    expect(page.threads).toEqual([]);
    expect(historyId).toMatch(/^\d+$/);
    const { requests } = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
    expect(
      requests.filter((request) => request.path.startsWith("/gmail/")).map((request) => `${request.method} ${request.path.split("?")[0]}`),
    ).toEqual(["GET /gmail/v1/users/me/threads", "GET /gmail/v1/users/me/profile", "GET /gmail/v1/users/me/threads"]);
  });
});
