import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { DEV_PUBSUB_TOPIC } from "../dev-client";
import { SEED_FIXTURES } from "../seed";
import { control } from "../testing/control-client";
import { gmailClient } from "./gmail-helpers";
import { useEmulator } from "./harness";
import { envelopeOf, notificationOf, usePushReceiver, verifyPush, waitFor } from "./push-receiver";

const emulator = useEmulator();
const receiver = usePushReceiver();
const ada = SEED_FIXTURES.accounts.ada.email;

interface Delivery {
  messageId: string | null;
  subscription: string | null;
  attempts: number;
  statuses: (number | null)[];
  status: number | null;
  delivered: boolean;
  pending: boolean;
  error?: string;
}

async function deliveries(): Promise<Delivery[]> {
  return (await control<{ deliveries: Delivery[] }>(emulator.url, "GET", "pubsub/deliveries")).deliveries;
}

/** A watched ada with a subscription of fast backoff (tests compress Google's 100 ms–60 s), no rate limit. */
async function watchedWith(subscription: Record<string, unknown>): Promise<void> {
  await control(emulator.url, "POST", "watches/rate", { intervalMs: 0 });
  await control(emulator.url, "POST", "pubsub", { pushEndpoint: receiver.url(), minBackoffMs: 5, maxBackoffMs: 20, ...subscription });
  const gmail = await gmailClient(emulator.url);
  await gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } });
}

/** A port nothing listens on (taken and released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function insertMail(): Promise<void> {
  await control(emulator.url, "POST", "messages", { email: ada, raw: "Subject: ping\r\n\r\nping" });
}

describe("Pub/Sub push delivery", () => {
  it("redelivers the same message until one of 102/200/201/202/204 acknowledges it", async () => {
    receiver.answerWith(500, 203, 404, 302, 429, 202);
    await watchedWith({});
    await waitFor(async () => (await deliveries())[0]?.delivered === true);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ attempts: 6, statuses: [500, 203, 404, 302, 429, 202], status: 202, delivered: true, pending: false });
    expect(receiver.received).toHaveLength(6);
    // Byte for byte the same push each time (same messageId); each attempt carries a valid token.
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(envelopeOf(receiver.received[0]).message.messageId).toBe(delivery?.messageId);
    const audience = receiver.url();
    for (const push of receiver.received) {
      expect(
        await verifyPush(emulator.url, push, { audience, serviceAccount: "gmail-push@mailroom-dev.iam.gserviceaccount.com" }),
      ).toMatchObject({
        aud: audience,
      });
    }
  });

  it("counts every 2xx that is not an acknowledgement, and an answer past the ack deadline, as a failure", async () => {
    receiver.delayFirst(400);
    receiver.answerWith(200, 206, 201);
    await watchedWith({ ackDeadlineMs: 100 });
    await waitFor(async () => (await deliveries())[0]?.delivered === true);
    expect(await deliveries()).toEqual([expect.objectContaining({ statuses: [null, 206, 201], delivered: true })]);
  });

  it("pauses the whole subscription while a message is refused, then delivers the rest in order", async () => {
    receiver.answerWith(503, 503, 503);
    await watchedWith({});
    await insertMail();
    await insertMail();
    await waitFor(async () => (await deliveries()).every((d) => d.delivered));
    const pushes = receiver.received.map((r) => envelopeOf(r).message.messageId);
    const [first, second, third] = (await deliveries()).map((d) => d.messageId);
    // The watch's own notification is refused three times; nothing else goes out until it is through.
    expect(pushes).toEqual([first, first, first, first, second, third]);
    const historyIds = receiver.received.slice(3).map((r) => Number(notificationOf(r).historyId));
    expect(historyIds[1]).toBeGreaterThan(historyIds[0] ?? 0);
  });

  it("keeps retrying an endpoint that is down, and DELETE pubsub stops it", async () => {
    await control(emulator.url, "POST", "watches/rate", { intervalMs: 0 });
    await control(emulator.url, "POST", "pubsub", {
      pushEndpoint: `http://127.0.0.1:${await closedPort()}/push`,
      minBackoffMs: 5,
      maxBackoffMs: 10,
    });
    const gmail = await gmailClient(emulator.url);
    await gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } });
    await waitFor(async () => ((await deliveries())[0]?.attempts ?? 0) >= 3);
    expect((await deliveries())[0]).toMatchObject({ status: null, error: "ECONNREFUSED", delivered: false, pending: true });
    expect(await control(emulator.url, "DELETE", "pubsub")).toEqual({ ok: true, removed: 1 });
    expect((await deliveries())[0]?.pending).toBe(false);
    expect((await control<{ subscriptions: unknown[] }>(emulator.url, "GET", "pubsub")).subscriptions).toEqual([]);
  });
});
