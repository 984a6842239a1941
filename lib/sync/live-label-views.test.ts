// A list's live stream against the emulator over HTTP and a real database, as the browser applies it: a change
// made in another Gmail client must take a conversation out of every view Gmail no longer shows it in.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GMAIL_MODIFY, obtainTokens } from "@/emulator/testing/control-client";
import { listChangeOf, applyThreadListChange } from "@/app/_components/thread-list-change";
import { createLinkedAccount, type LinkedAccount, storedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { type EventStreamReader, type StreamEvent, eventStreamReader } from "@/scripts/testing/sse-reader";
import { hashSessionToken } from "../auth/hashed-sessions";
import { getDb } from "../db";
import { resolveAccount } from "../accounts/linked-accounts";
import { listThreads } from "../mail/list-threads";
import { changeBus } from "./change-bus";
import { mailboxEventStream } from "./event-stream";
import type { ChangeEvent } from "./stream-events";

// Changes are announced on the bus by the test itself: no push subscription, and no poll in between.
process.env.MAILBOX_SYNC = "poll";
process.env.MAILBOX_POLL_SECONDS = "3600";

const environment = useIntegrationEnvironment();
let ada: LinkedAccount;
const open: EventStreamReader[] = [];

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  await getDb().account.update({ where: { id: ada.accountId }, data: { email: "ada@example.com" } });
});
afterEach(() => {
  for (const reader of open.splice(0)) reader.close();
});

async function openStream(label: string): Promise<EventStreamReader> {
  const sessionHash = hashSessionToken(randomBytes(32).toString("base64url"));
  await getDb().session.create({ data: { sessionToken: sessionHash, userId: ada.userId, expires: new Date(Date.now() + 3_600_000) } });
  const abort = new AbortController();
  const stream = mailboxEventStream({
    mailboxes: [{ account: await storedAccount(ada.accountId), since: null }],
    combined: false,
    label,
    sessionHash,
    signal: abort.signal,
  });
  const reader = eventStreamReader(new Response(stream, { headers: { "content-type": "text/event-stream" } }), () => abort.abort());
  open.push(reader);
  await reader.next((event) => event.type === "ready");
  return reader;
}

/** Another Gmail client (its own grant, with gmail.modify) changing the mailbox: Gmail's own API, not Mailroom's. */
async function elsewhere(messageId: string, method: "trash" | "modify", body?: unknown): Promise<void> {
  const { access_token } = await obtainTokens(environment.emulatorUrl, { email: "ada@example.com", scope: `openid email ${GMAIL_MODIFY}` });
  const response = await fetch(new URL(`/gmail/v1/users/me/messages/${messageId}/${method}`, environment.emulatorUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status).toBe(200);
}

const isChange = (event: StreamEvent) => event.type === "change";

describe("a live list follows Gmail's label views", () => {
  it("a starred conversation shown in the Starred view leaves it when another client trashes it", async () => {
    const arrived = await control<{ id: string; threadId: string }>(environment.emulatorUrl, "POST", "messages", {
      email: "ada@example.com",
      raw: "From: Bob <bob@example.com>\r\nSubject: Starred, then trashed\r\n\r\nHello",
      labelIds: ["INBOX", "STARRED"],
    });
    const page = await listThreads({ account: await resolveAccount({ userId: ada.userId }), label: "STARRED", pageSize: 25 });
    expect(page.threads.map((thread) => thread.id)).toContain(arrived.threadId);
    const stream = await openStream("STARRED");

    await elsewhere(arrived.id, "trash");
    await changeBus().publish({ email: "ada@example.com", historyId: null });
    const event = (await stream.next(isChange)).data as ChangeEvent;
    expect(event.upserts.map((thread) => thread.id)).toEqual([arrived.threadId]);

    const shown = applyThreadListChange(page.threads, listChangeOf(event, "STARRED"), { insertNew: true });
    expect(shown.map((thread) => thread.id)).not.toContain(arrived.threadId);
    // Gmail agrees: a fresh Starred list leaves it out.
    const fresh = await listThreads({ account: await resolveAccount({ userId: ada.userId }), label: "STARRED", pageSize: 25 });
    expect(fresh.threads.map((thread) => thread.id)).not.toContain(arrived.threadId);
  });

  it("a conversation restored from Trash elsewhere comes back to the Starred view, and leaves the Trash view", async () => {
    const arrived = await control<{ id: string; threadId: string }>(environment.emulatorUrl, "POST", "messages", {
      email: "ada@example.com",
      raw: "From: Bob <bob@example.com>\r\nSubject: Trashed, then restored\r\n\r\nHello",
      labelIds: ["STARRED", "TRASH"],
    });
    const starred = await openStream("STARRED");
    const trash = await openStream("TRASH");

    await elsewhere(arrived.id, "modify", { removeLabelIds: ["TRASH"] });
    await changeBus().publish({ email: "ada@example.com", historyId: null });
    const inStarred = listChangeOf((await starred.next(isChange)).data as ChangeEvent, "STARRED");
    expect(inStarred.upserts.map((thread) => thread.id)).toEqual([arrived.threadId]);
    const inTrash = listChangeOf((await trash.next(isChange)).data as ChangeEvent, "TRASH");
    expect(inTrash).toEqual({ upserts: [], removals: [arrived.threadId] });
  });
});
