import { OAuth2Client } from "google-auth-library";
import { describe, expect, it } from "vitest";
import { DEV_PUBSUB_TOPIC } from "../dev-client";
import { SEED_FIXTURES } from "../seed";
import { authorizeUrl, control, DEV_CLIENT, GMAIL_MODIFY } from "../testing/control-client";
import { gmailClient, gmailWithToken } from "./gmail-helpers";
import { fetchManual, useEmulator } from "./harness";
import { envelopeOf, notificationOf, usePushReceiver, verifyPush, waitFor } from "./push-receiver";

const emulator = useEmulator();
const receiver = usePushReceiver();
const ada = SEED_FIXTURES.accounts.ada.email;
const PUSH = { audience: "https://mailroom.test/api/google/push", serviceAccount: "push@mailroom-dev.iam.gserviceaccount.com" };

interface Notification {
  email: string;
  historyId: string;
  messageId: string | null;
  dropped?: string;
}

async function subscribe(extra: Record<string, unknown> = {}): Promise<{ subscription: { name: string } }> {
  return control(emulator.url, "POST", "pubsub", { pushEndpoint: receiver.url(), ...PUSH, ...extra });
}

async function notifications(): Promise<Notification[]> {
  return (await control<{ notifications: Notification[] }>(emulator.url, "GET", "pubsub/deliveries")).notifications;
}

async function insertMail(labelIds?: string[]): Promise<string> {
  const { id } = await control<{ id: string }>(emulator.url, "POST", "messages", {
    email: ada,
    raw: "From: grace@example.com\r\nTo: ada@example.com\r\nSubject: News\r\n\r\nHello.",
    ...(labelIds ? { labelIds } : {}),
  });
  return id;
}

/** An access token of the `other` client (project other-project) for ada, through the consent automation. */
async function otherClientToken(): Promise<string> {
  await control(emulator.url, "POST", "consent", { email: ada });
  const { location } = await fetchManual(authorizeUrl(emulator.url, { extra: { client_id: "other.apps.googleusercontent.com" } }));
  const response = await fetch(`${emulator.url}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: new URL(location ?? "").searchParams.get("code") ?? "",
      redirect_uri: DEV_CLIENT.redirectUri,
      client_id: "other.apps.googleusercontent.com",
      client_secret: "other-secret",
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe("users.watch / users.stop and Pub/Sub push", () => {
  it("watches, notifies at once, and pushes every change with a verifiable OIDC token", async () => {
    await control(emulator.url, "POST", "watches/rate", { intervalMs: 0 });
    const { subscription } = await subscribe();
    const gmail = await gmailClient(emulator.url, { scope: `openid email ${GMAIL_MODIFY}` });
    const before = Date.now();
    const { data } = await gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC, labelIds: [] } });
    expect(Object.keys(data)).toEqual(["historyId", "expiration"]);
    expect(data.historyId).toMatch(/^\d+$/);
    expect(Number(data.expiration) - before).toBeGreaterThanOrEqual(7 * 24 * 3_600_000);
    expect(Number(data.expiration) - Date.now()).toBeLessThanOrEqual(7 * 24 * 3_600_000);

    await waitFor(() => receiver.received.length === 1);
    const [first] = receiver.received;
    expect(first?.contentType).toBe("application/json");
    expect(notificationOf(first)).toEqual({ emailAddress: ada, historyId: data.historyId });
    const envelope = envelopeOf(first);
    expect(envelope.subscription).toBe(subscription.name);
    expect(envelope.message).toEqual({
      attributes: {},
      data: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) as unknown,
      messageId: envelope.message.message_id,
      message_id: expect.stringMatching(/^\d+$/) as unknown,
      publishTime: envelope.message.publish_time,
      publish_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
    });
    expect(await verifyPush(emulator.url, first, PUSH)).toMatchObject({ aud: PUSH.audience, email: PUSH.serviceAccount });
    // google-auth-library, as a Node receiver would verify it (PEM certs, Google's issuers).
    const verifier = new OAuth2Client({ endpoints: { oauth2FederatedSignonPemCertsUrl: `${emulator.url}/oauth2/v1/certs` } });
    const ticket = await verifier.verifyIdToken({ idToken: first?.authorization?.slice(7) ?? "", audience: PUSH.audience });
    expect(ticket.getPayload()).toMatchObject({ iss: "https://accounts.google.com", email: PUSH.serviceAccount, email_verified: true });

    await insertMail();
    await waitFor(() => receiver.received.length === 2);
    const inserted = notificationOf(receiver.received[1]);
    expect(Number(inserted.historyId)).toBeGreaterThan(Number(data.historyId));
    const history = await gmail.users.history.list({ userId: "me", startHistoryId: data.historyId ?? "" });
    expect(history.data.historyId).toBe(inserted.historyId);
    expect(history.data.history?.[0]?.messagesAdded).toHaveLength(1);

    const id = history.data.history?.[0]?.messagesAdded?.[0]?.message?.id ?? "";
    await gmail.users.messages.trash({ userId: "me", id });
    await waitFor(() => receiver.received.length === 3);
    expect(notificationOf(receiver.received[2]).historyId).toBe((await gmail.users.getProfile({ userId: "me" })).data.historyId);
    const messageIds = receiver.received.map((r) => envelopeOf(r).message.messageId);
    expect(new Set(messageIds).size).toBe(3);
  });

  it("accepts only topics of the client's project that exist and Gmail may publish to", async () => {
    const gmail = await gmailClient(emulator.url);
    const watch = (topicName: string) => gmail.users.watch({ userId: "me", requestBody: { topicName } });
    for (const topicName of ["projects/someone-else/topics/gmail-push", "gmail-push", ""]) {
      await expect(watch(topicName)).rejects.toMatchObject({
        status: 400,
        response: { data: { error: { message: "Invalid topicName does not match projects/mailroom-dev/topics/*" } } },
      });
    }
    await expect(watch("projects/mailroom-dev/topics/missing")).rejects.toMatchObject({ status: 404 });
    await subscribe({ topic: "projects/mailroom-dev/topics/no-grant", publisherGranted: false });
    await expect(watch("projects/mailroom-dev/topics/no-grant")).rejects.toMatchObject({
      status: 403,
      response: {
        data: {
          error: {
            message:
              "Error sending test message to Cloud PubSub projects/mailroom-dev/topics/no-grant : User not authorized to perform this action.",
          },
        },
      },
    });
    await expect(
      gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC, labelIds: ["Label_99"] } }),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect((await control<{ watches: unknown[] }>(emulator.url, "GET", "pubsub")).watches).toEqual([]);
    // Another client's project has its own topics.
    await control(emulator.url, "POST", "clients", {
      client_id: "other.apps.googleusercontent.com",
      client_secret: "other-secret",
      redirect_uris: [DEV_CLIENT.redirectUri],
      project_id: "other-project",
    });
    const other = gmailWithToken(emulator.url, await otherClientToken());
    await expect(other.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } })).rejects.toMatchObject({
      status: 400,
      response: { data: { error: { message: "Invalid topicName does not match projects/other-project/topics/*" } } },
    });
  });

  it("replaces a watch, stops with 204, and an expired watch stays silent", async () => {
    await control(emulator.url, "POST", "watches/rate", { intervalMs: 0 });
    await subscribe();
    const second = await control<{ subscription: { name: string } }>(emulator.url, "POST", "pubsub", {
      pushEndpoint: receiver.url("/second"),
      topic: "projects/mailroom-dev/topics/second",
    });
    const gmail = await gmailClient(emulator.url);
    await gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } });
    await gmail.users.watch({ userId: "me", requestBody: { topicName: "projects/mailroom-dev/topics/second" } });
    const { watches } = await control<{ watches: { topicName: string }[] }>(emulator.url, "GET", "pubsub");
    expect(watches.map((w) => w.topicName)).toEqual(["projects/mailroom-dev/topics/second"]);
    await insertMail();
    await waitFor(() => receiver.received.filter((r) => r.path === "/second").length === 2);
    expect(envelopeOf(receiver.received.at(-1)).subscription).toBe(second.subscription.name);

    const stopped = await gmail.users.stop({ userId: "me" });
    expect(stopped.status).toBe(204);
    expect(stopped.data).toBe("");
    const count = (await notifications()).length;
    await insertMail();
    expect(await notifications()).toHaveLength(count);

    await gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } });
    expect(await control(emulator.url, "POST", "watches/expire", { email: ada })).toEqual({ ok: true, expired: 1 });
    const afterExpiry = (await notifications()).length;
    await insertMail();
    expect(await notifications()).toHaveLength(afterExpiry);
  });

  it("filters by label (include or exclude, any case) and drops more than one notification per interval", async () => {
    await control(emulator.url, "POST", "watches/rate", { intervalMs: 0 });
    const gmail = await gmailClient(emulator.url, { scope: `openid ${GMAIL_MODIFY}` });
    await gmail.users.watch({
      userId: "me",
      requestBody: { topicName: DEV_PUBSUB_TOPIC, labelIds: ["STARRED"], labelFilterBehavior: "INCLUDE" },
    });
    const start = (await notifications()).length;
    const id = await insertMail();
    expect(await notifications()).toHaveLength(start);
    await gmail.users.messages.modify({ userId: "me", id, requestBody: { addLabelIds: ["STARRED"] } });
    expect(await notifications()).toHaveLength(start + 1);

    await gmail.users.watch({
      userId: "me",
      requestBody: { topicName: DEV_PUBSUB_TOPIC, labelIds: ["SPAM"], labelFilterAction: "exclude" },
    });
    const excluding = (await notifications()).length;
    await insertMail(["SPAM"]);
    expect(await notifications()).toHaveLength(excluding);
    await insertMail();
    expect(await notifications()).toHaveLength(excluding + 1);

    // Gmail's "1 event/sec" per user: with a long interval, everything after the watch's own notification is dropped.
    await control(emulator.url, "POST", "watches/rate", { intervalMs: 3_600_000 });
    await gmail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } });
    await insertMail();
    await insertMail();
    const log = await notifications();
    expect(log.slice(-2).map((n) => n.dropped)).toEqual(["rate-limit", "rate-limit"]);
    expect(log.slice(-2).map((n) => n.messageId)).toEqual([null, null]);
  });
});
