// All accounts' live stream against the emulator over HTTP and a real database: one stream following every
// linked mailbox, resumable from one position that names each account's, and one account leaving it alone.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LinkedAccount } from "@/scripts/testing/accounts";
import { storedAccount } from "@/scripts/testing/accounts";
import { deliverFromBob } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { createUserWithAccounts } from "@/scripts/testing/multi-account";
import { type EventStreamReader, type StreamEvent, eventStreamReader } from "@/scripts/testing/sse-reader";
import { hashSessionToken } from "../auth/hashed-sessions";
import { getDb } from "../db";
import { changeBus } from "./change-bus";
import { mailboxEventStream } from "./event-stream";
import type { ChangeEvent } from "./stream-events";
import { decodeStreamPositions } from "./stream-positions";

// Changes are announced on the bus by the test itself: no push subscription, and no poll in the middle.
process.env.MAILBOX_SYNC = "poll";
process.env.MAILBOX_POLL_SECONDS = "3600";

const environment = useIntegrationEnvironment();
const ADA = "ada@example.com";
const GRACE = "grace@example.com";
let accounts: LinkedAccount[];
let sessionHash: string;
const open: EventStreamReader[] = [];

beforeEach(async () => {
  ({ accounts } = await createUserWithAccounts(environment.emulatorUrl, [ADA, GRACE]));
  sessionHash = hashSessionToken(randomBytes(32).toString("base64url"));
  await getDb().session.create({
    data: { sessionToken: sessionHash, userId: accounts[0]!.userId, expires: new Date(Date.now() + 3_600_000) },
  });
});
afterEach(() => {
  for (const reader of open.splice(0)) reader.close();
});

async function openAllAccounts(since: Map<string, string> | null = null): Promise<EventStreamReader> {
  const abort = new AbortController();
  const mailboxes = await Promise.all(
    accounts.map(async ({ accountId }) => {
      const account = await storedAccount(accountId);
      return { account, since: since?.get(account.email ?? "") ?? null };
    }),
  );
  const stream = mailboxEventStream({ mailboxes, combined: true, label: "INBOX", sessionHash, signal: abort.signal });
  const reader = eventStreamReader(new Response(stream, { headers: { "content-type": "text/event-stream" } }), () => abort.abort());
  open.push(reader);
  return reader;
}

const deliver = (email: string, subject: string) => deliverFromBob(environment.emulatorUrl, email, subject);

const changeTo = (email: string, threadId: string) => (event: StreamEvent) =>
  event.type === "change" &&
  (event.data as ChangeEvent).account === email &&
  (event.data as ChangeEvent).upserts.some((row) => row.id === threadId);

describe("All accounts' live stream", () => {
  it("follows every account in one stream, and resumes each from the one position its events carry", async () => {
    const first = await openAllAccounts();
    const ready = await first.next((event) => event.type === "ready");
    const position = decodeStreamPositions(ready.id ?? "");
    expect([...(position?.keys() ?? [])].sort()).toEqual([ADA, GRACE]);
    expect(ready.data).toEqual({ account: "all", historyId: ready.id });

    const toGrace = await deliver(GRACE, "To Grace, live");
    await changeBus().publish({ email: GRACE, historyId: null });
    const change = await first.next(changeTo(GRACE, toGrace.threadId));
    expect(decodeStreamPositions(change.id ?? "")?.get(ADA)).toBe(position?.get(ADA));
    first.close();

    // Away: mail for both accounts. Back from the first position: each account's mail, under its account.
    const toAda = await deliver(ADA, "To Ada, while away");
    const toGraceAgain = await deliver(GRACE, "To Grace, while away");
    const resumed = await openAllAccounts(position);
    await resumed.next(changeTo(ADA, toAda.threadId));
    await resumed.next(changeTo(GRACE, toGraceAgain.threadId));
  });

  it("an account that needs re-authorization leaves the stream with a resync; the others go on", { timeout: 40_000 }, async () => {
    const stream = await openAllAccounts();
    await stream.next((event) => event.type === "ready");
    await getDb().account.update({ where: { id: accounts[1]!.accountId }, data: { reauthReason: "revoked" } });
    const resync = await stream.next((event) => event.type === "resync", 15_000);
    expect(resync.data).toMatchObject({ account: GRACE, reason: "account_unavailable" });

    const toAda = await deliver(ADA, "To Ada, still live");
    await changeBus().publish({ email: ADA, historyId: null });
    await stream.next(changeTo(ADA, toAda.threadId));
    expect(stream.received.some((event) => event.type === "end")).toBe(false);
  });
});
