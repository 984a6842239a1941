// Gmail push end to end in one process: the emulator's Pub/Sub delivers signed pushes over HTTP to a small
// server that hands each request to the route handler. What a push may cause is
// one notice on the change bus; a forged one causes nothing, and no push ever makes a Gmail call itself.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REJECTED_PUSH_FORGE_KINDS } from "@/emulator/pubsub/forgeries";
import { createLinkedAccount, type LinkedAccount, storedAccount } from "@/scripts/testing/accounts";
import { control, stats } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../../db";
import { type ChangeNotice, changeBus } from "../../sync/change-bus";
import { ensureMailboxWatch } from "../../sync/mailbox-watch";
import { POST } from "@/app/api/google/push/route";

const environment = useIntegrationEnvironment();
let server: Server;
const handling = new Set<Promise<void>>();

// The app's push endpoint; its URL becomes the app's own URL (and so the audience) before the
// configuration is first read.
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      const handled = POST(request).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
      handling.add(handled);
      void handled.finally(() => handling.delete(handled));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await control(environment.emulatorUrl, "DELETE", "pubsub");
  await Promise.allSettled([...handling]);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let ada: LinkedAccount;
const notices: ChangeNotice[] = [];
let unsubscribe = () => {};

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  await getDb().account.update({ where: { id: ada.accountId }, data: { email: "ada@example.com" } });
  await control(environment.emulatorUrl, "POST", "watches/rate", { intervalMs: 0 });
  notices.length = 0;
  unsubscribe();
  unsubscribe = changeBus().subscribe({ notice: (notice) => notices.push(notice), reconnected: () => {} });
});

type Delivery = { messageId: string; email: string; historyId: string; status: number | null; delivered: boolean; forge?: string };

async function deliveries(): Promise<Delivery[]> {
  return (await control<{ deliveries: Delivery[] }>(environment.emulatorUrl, "GET", "pubsub/deliveries")).deliveries;
}

async function eventually<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function watchAda(): Promise<void> {
  expect(await ensureMailboxWatch(await storedAccount(ada.accountId))).toBe("renewed");
  // The watch publishes at once; let that first push land before the test's own.
  await eventually(deliveries, (list) => list.length > 0 && list.every((delivery) => delivery.delivered));
  notices.length = 0;
}

const EXPECTED_STATUS: Record<(typeof REJECTED_PUSH_FORGE_KINDS)[number], 401 | 403> = {
  "wrong-audience": 403,
  "wrong-signer": 401,
  "unknown-kid": 401,
  unsigned: 401,
  hs256: 401,
  "wrong-issuer": 403,
  "wrong-service-account": 403,
  expired: 401,
  "unverified-email": 403,
  "no-authorization": 401,
  "not-a-jwt": 401,
};

describe("POST /api/google/push", () => {
  it("turns each genuine push into one notice for that mailbox, acknowledged with 204", async () => {
    await watchAda();
    await control(environment.emulatorUrl, "POST", "messages", { email: "ada@example.com", raw: "Subject: pushed\r\n\r\nhi" });
    const [notice] = await eventually(
      () => notices,
      (list) => list.length > 0,
    );
    const [delivery] = (await deliveries()).slice(-1);
    expect(delivery).toMatchObject({ status: 204, delivered: true });
    expect(notice).toEqual({ email: "ada@example.com", historyId: delivery!.historyId });
  });

  it("refuses every forged push (401 unauthenticated, 403 not for us) with no effect and no Gmail call", async () => {
    await watchAda();
    await control(environment.emulatorUrl, "DELETE", "requests");
    for (const kind of REJECTED_PUSH_FORGE_KINDS) {
      const answer = await control<{ status: number | null }>(environment.emulatorUrl, "POST", "pubsub/forge", { kind });
      expect(answer.status, kind).toBe(EXPECTED_STATUS[kind]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notices).toEqual([]);
    const { requests } = await control<{ requests: { path: string }[] }>(environment.emulatorUrl, "GET", "requests");
    expect(requests.filter((request) => !request.path.startsWith("/oauth2/"))).toEqual([]);
  });

  it("acknowledges a replayed push without a second notice", async () => {
    await watchAda();
    await control(environment.emulatorUrl, "POST", "messages", { email: "ada@example.com", raw: "Subject: once\r\n\r\nhi" });
    await eventually(
      () => notices,
      (list) => list.length === 1,
    );
    const replay = await control<{ status: number | null }>(environment.emulatorUrl, "POST", "pubsub/forge", { kind: "replay" });
    expect(replay.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notices).toHaveLength(1);
  });

  it("acknowledges a push for a mailbox nobody here reads, and does nothing with it", async () => {
    await watchAda();
    await getDb().account.deleteMany();
    await control(environment.emulatorUrl, "POST", "messages", { email: "ada@example.com", raw: "Subject: nobody\r\n\r\nhi" });
    await eventually(deliveries, (list) => list.length > 1 && list.every((delivery) => delivery.delivered));
    expect((await deliveries()).at(-1)).toMatchObject({ status: 204 });
    expect(notices).toEqual([]);
  });
});

describe("ensureMailboxWatch", () => {
  it("makes one users.watch however many instances ask at once, and none while the watch is fresh", async () => {
    await control(environment.emulatorUrl, "DELETE", "stats");
    const account = await storedAccount(ada.accountId);
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => ensureMailboxWatch(account)));
    expect(outcomes.filter((outcome) => outcome === "renewed")).toHaveLength(1);
    expect(await ensureMailboxWatch(account)).toBe("current");
    expect((await stats(environment.emulatorUrl)).endpoints["POST /gmail/v1/users/me/watch"]).toBe(1);
    const row = await getDb().mailboxWatch.findUniqueOrThrow({ where: { accountId: ada.accountId } });
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);

    // A day later the next caller renews it.
    await getDb().mailboxWatch.update({ where: { accountId: ada.accountId }, data: { renewedAt: new Date(Date.now() - 25 * 3_600_000) } });
    expect(await ensureMailboxWatch(account)).toBe("renewed");
    expect((await stats(environment.emulatorUrl)).endpoints["POST /gmail/v1/users/me/watch"]).toBe(2);
  });
});
