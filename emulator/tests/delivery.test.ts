import { describe, expect, it } from "vitest";
import { DEV_PUBSUB_TOPIC } from "../dev-client";
import { SEED_FIXTURES } from "../seed";
import { control } from "../testing/control-client";
import { header } from "./gmail-helpers";
import { useEmulator } from "./harness";
import { notificationOf, usePushReceiver, waitFor } from "./push-receiver";
import { b64url, clientFor, rawHeader, rawMessage, rawOf } from "./write-helpers";

const emulator = useEmulator();
const receiver = usePushReceiver();
const ada = SEED_FIXTURES.accounts.ada.email;
const grace = SEED_FIXTURES.accounts.grace.email;
const HEBREW_SUBJECT = "=?UTF-8?B?16HXmdeb15XXnSDXpNeS15nXqdeU?=";

describe("delivery between emulator users", () => {
  it("delivers ada's message to grace's INBOX, UNREAD, without Bcc; grace's reply lands in ada's conversation", async () => {
    const adaMail = await clientFor(emulator.url, ada);
    const graceMail = await clientFor(emulator.url, grace);
    const graceBefore = (await graceMail.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const raw = rawMessage({
      from: "=?UTF-8?B?15DXk9eU?= <ada@example.com>",
      to: "Grace Hopper <grace@example.com>",
      bcc: "someone@elsewhere.example",
      subject: HEBREW_SUBJECT,
      body: "Shalom.",
    });
    const sent = await adaMail.users.messages.send({ userId: "me", requestBody: { raw: b64url(raw) } });

    const history = await graceMail.users.history.list({ userId: "me", startHistoryId: graceBefore, historyTypes: ["messageAdded"] });
    const added = history.data.history?.flatMap((h) => h.messagesAdded ?? []) ?? [];
    expect(added).toHaveLength(1);
    const arrived = added[0]?.message;
    expect(arrived?.labelIds).toEqual(["INBOX", "UNREAD"]);
    const delivered = await rawOf(graceMail, arrived?.id ?? "");
    const sentCopy = await rawOf(adaMail, sent.data.id ?? "");
    expect(rawHeader(delivered, "Bcc")).toBeUndefined();
    expect(rawHeader(sentCopy, "Bcc")).toBe("someone@elsewhere.example");
    expect(rawHeader(delivered, "Message-ID")).toBe(rawHeader(sentCopy, "Message-ID"));
    expect(rawHeader(delivered, "Subject")).toBe(HEBREW_SUBJECT);
    expect(rawHeader(delivered, "Delivered-To")).toBe(grace);
    expect(delivered.endsWith("Shalom.\r\n")).toBe(true);
    const shown = await graceMail.users.messages.get({ userId: "me", id: arrived?.id ?? "", format: "metadata" });
    expect(header(shown.data, "Subject")).toBe("סיכום פגישה");
    expect(header(shown.data, "From")).toBe("אדה <ada@example.com>");

    const parentId = rawHeader(delivered, "Message-ID") ?? "";
    const answer = rawMessage({
      to: "ada@example.com",
      subject: `Re: ${HEBREW_SUBJECT}`,
      headers: { "In-Reply-To": parentId, References: parentId },
    });
    const reply = await graceMail.users.messages.send({
      userId: "me",
      requestBody: { raw: b64url(answer), threadId: arrived?.threadId ?? "" },
    });
    expect(reply.data.threadId).toBe(arrived?.threadId);
    const adaThread = await adaMail.users.threads.get({ userId: "me", id: sent.data.threadId ?? "", format: "minimal" });
    expect(adaThread.data.messages?.map((m) => m.labelIds)).toEqual([["SENT"], ["INBOX", "UNREAD"]]);
  });

  it("delivers to Cc and Bcc recipients once each, and to nobody outside the emulator", async () => {
    await control(emulator.url, "POST", "users", { email: "linus@example.com", name: "Linus" });
    const graceMail = await clientFor(emulator.url, grace);
    const graceUnread = async () =>
      (await graceMail.users.messages.list({ userId: "me", q: "in:inbox is:unread" })).data.resultSizeEstimate;
    const unreadBefore = (await graceUnread()) ?? 0;
    const adaMail = await clientFor(emulator.url, ada);
    const raw = rawMessage({ to: "x@elsewhere.example", cc: "grace@example.com, GRACE@example.com", bcc: "linus@example.com" });
    await adaMail.users.messages.send({ userId: "me", requestBody: { raw: b64url(raw) } });
    const linus = await clientFor(emulator.url, "linus@example.com");
    const linusInbox = await linus.users.messages.list({ userId: "me", labelIds: ["INBOX"] });
    expect(linusInbox.data.messages).toHaveLength(1);
    expect(rawHeader(await rawOf(linus, linusInbox.data.messages?.[0]?.id ?? ""), "Bcc")).toBeUndefined();
    expect(await graceUnread()).toBe(unreadBefore + 1);
    const received = await control<{ messages: { id: string; labelIds: string[]; raw: string }[] }>(
      emulator.url,
      "GET",
      "messages?email=linus@example.com&q=in:inbox",
    );
    expect(received.messages.map((m) => m.id)).toEqual([linusInbox.data.messages?.[0]?.id]);
    expect(received.messages[0]?.labelIds).toEqual(["INBOX", "UNREAD"]);
    expect(Buffer.from(received.messages[0]?.raw ?? "", "base64url").toString()).toBe(await rawOf(linus, received.messages[0]?.id ?? ""));
    const users = await control<{ users: { email: string; messagesTotal: number }[] }>(emulator.url, "GET", "users");
    expect(users.users.map((u) => u.email)).not.toContain("x@elsewhere.example");
  });

  it("lets a test answer as grace through the control API (POST send), into ada's conversation", async () => {
    const adaMail = await clientFor(emulator.url, ada);
    const sent = await adaMail.users.messages.send({
      userId: "me",
      requestBody: { raw: b64url(rawMessage({ to: grace, subject: "Lunch?" })) },
    });
    const inbox = await control<{ messages: { id: string; threadId: string; raw: string }[] }>(
      emulator.url,
      "GET",
      `messages?email=${grace}&q=subject:lunch`,
    );
    const arrived = inbox.messages[0];
    const parentId = rawHeader(Buffer.from(arrived?.raw ?? "", "base64url").toString(), "Message-ID") ?? "";
    const answer = rawMessage({ to: ada, subject: "Re: Lunch?", headers: { "In-Reply-To": parentId, References: parentId } });
    const reply = await control<{ id: string; threadId: string; labelIds: string[] }>(emulator.url, "POST", "send", {
      email: grace,
      raw: answer,
      threadId: arrived?.threadId,
    });
    expect(reply).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown, threadId: arrived?.threadId, labelIds: ["SENT"] });
    const thread = await adaMail.users.threads.get({ userId: "me", id: sent.data.threadId ?? "", format: "minimal" });
    expect(thread.data.messages?.map((m) => m.labelIds)).toEqual([["SENT"], ["INBOX", "UNREAD"]]);
    const refused = await fetch(`${emulator.url}/__emulator/send`, {
      method: "POST",
      body: JSON.stringify({ email: grace, raw: rawMessage({}) }),
    });
    expect(refused.status).toBe(400);
  });

  it("pushes the delivery to the recipient's watch", async () => {
    await control(emulator.url, "POST", "watches/rate", { intervalMs: 0 });
    await control(emulator.url, "POST", "pubsub", {
      pushEndpoint: receiver.url(),
      audience: "https://mailroom.test/api/google/push",
      serviceAccount: "push@mailroom-dev.iam.gserviceaccount.com",
    });
    const graceMail = await clientFor(emulator.url, grace);
    await graceMail.users.watch({ userId: "me", requestBody: { topicName: DEV_PUBSUB_TOPIC } });
    await waitFor(() => receiver.received.length === 1);
    const adaMail = await clientFor(emulator.url, ada);
    await adaMail.users.messages.send({ userId: "me", requestBody: { raw: b64url(rawMessage({ to: grace })) } });
    await waitFor(() => receiver.received.length === 2);
    const notification = notificationOf(receiver.received[1]);
    expect(notification.emailAddress).toBe(grace);
    expect(notification.historyId).toBe((await graceMail.users.getProfile({ userId: "me" })).data.historyId);
  });
});
