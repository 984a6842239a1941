import type { gmail_v1 } from "@googleapis/gmail";
import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control, GMAIL_MODIFY } from "../testing/control-client";
import { gmailClient, header, listAll } from "./gmail-helpers";
import { useEmulator } from "./harness";

const emulator = useEmulator();
const ada = SEED_FIXTURES.ada;
const adaEmail = SEED_FIXTURES.accounts.ada.email;

async function currentHistoryId(client: gmail_v1.Gmail): Promise<string> {
  return (await client.users.getProfile({ userId: "me" })).data.historyId ?? "";
}

async function threadIds(client: gmail_v1.Gmail, params: gmail_v1.Params$Resource$Users$Threads$List): Promise<string[]> {
  const { data } = await client.users.threads.list({ userId: "me", maxResults: 500, ...params });
  return (data.threads ?? []).map((t) => t.id ?? "");
}

describe("history and thread labels for a syncing client", () => {
  it("records a message inserted through the control API as messagesAdded, with its labels", async () => {
    const client = await gmailClient(emulator.url);
    const start = await currentHistoryId(client);
    const inserted = await control<{ id: string; threadId: string }>(emulator.url, "POST", "messages", {
      email: adaEmail,
      raw: "From: Grace <grace@example.com>\r\nTo: ada@example.com\r\nSubject: Fresh\r\n\r\nNew mail.",
    });
    const { data } = await client.users.history.list({ userId: "me", startHistoryId: start });
    expect(data.history).toEqual([
      {
        id: data.historyId,
        messages: [{ id: inserted.id, threadId: inserted.threadId }],
        messagesAdded: [{ message: { id: inserted.id, threadId: inserted.threadId, labelIds: ["INBOX", "UNREAD"] } }],
      },
    ]);
    const onlyLabels = await client.users.history.list({ userId: "me", startHistoryId: start, historyTypes: ["labelAdded"] });
    expect(onlyLabels.data).toEqual({ historyId: data.historyId });
    const inbox = await client.users.history.list({ userId: "me", startHistoryId: start, labelId: "INBOX" });
    expect(inbox.data.history).toHaveLength(1);
  });

  it("POST history/expire makes every earlier startHistoryId too old (404), and sync starts again from the profile", async () => {
    const client = await gmailClient(emulator.url);
    const held = await currentHistoryId(client);
    expect((await client.users.history.list({ userId: "me", startHistoryId: held })).status).toBe(200);
    const expired = await control<{ ok: true; historyId: string }>(emulator.url, "POST", "history/expire", { email: adaEmail });
    expect(Number(expired.historyId)).toBeGreaterThan(Number(held));
    for (const start of [held, "1", "0"]) {
      await expect(client.users.history.list({ userId: "me", startHistoryId: start })).rejects.toMatchObject({
        status: 404,
        response: {
          data: {
            error: {
              code: 404,
              message: "Requested entity was not found.",
              errors: [{ message: "Requested entity was not found.", domain: "global", reason: "notFound" }],
              status: "NOT_FOUND",
            },
          },
        },
      });
    }
    const fresh = await currentHistoryId(client);
    expect(fresh).toBe(expired.historyId);
    expect((await client.users.history.list({ userId: "me", startHistoryId: fresh })).data).toEqual({ historyId: fresh });
    const nobody = await fetch(`${emulator.url}/__emulator/history/expire`, {
      method: "POST",
      body: JSON.stringify({ email: "no@example.com" }),
    });
    expect(nobody.status).toBe(404);
  });

  it("a thread carries the union of its messages' labels: threads.list matches labels held by different messages", async () => {
    const client = await gmailClient(emulator.url, { scope: `openid ${GMAIL_MODIFY}` });
    const { id, messageIds } = ada.thread;
    const oldest = messageIds[0] ?? "";
    const newest = messageIds[messageIds.length - 1] ?? "";
    await client.users.threads.modify({ userId: "me", id, requestBody: { removeLabelIds: ["UNREAD", "STARRED", ada.labels.work] } });
    await client.users.messages.modify({ userId: "me", id: oldest, requestBody: { addLabelIds: ["STARRED"] } });
    await client.users.messages.modify({ userId: "me", id: newest, requestBody: { addLabelIds: [ada.labels.work] } });

    expect(await threadIds(client, { labelIds: ["STARRED", ada.labels.work] })).toContain(id);
    const messages = await listAll(client, { labelIds: ["STARRED", ada.labels.work] });
    expect(messages.filter((m) => messageIds.includes(m))).toEqual([]);
    expect(await threadIds(client, { labelIds: ["UNREAD"] })).not.toContain(id);
    const thread = (await client.users.threads.get({ userId: "me", id, format: "minimal" })).data;
    const union = new Set(thread.messages?.flatMap((m) => m.labelIds ?? []));
    expect(union.has("STARRED") && union.has(ada.labels.work)).toBe(true);

    // Trashing one message leaves the rest of the conversation in the inbox; the trash lists it too.
    await client.users.messages.trash({ userId: "me", id: newest });
    expect(await threadIds(client, { labelIds: ["INBOX"] })).toContain(id);
    expect(await threadIds(client, { labelIds: ["TRASH"] })).toContain(id);
    // Its Work label no longer counts outside the trash.
    expect(await threadIds(client, { labelIds: ["STARRED", ada.labels.work] })).not.toContain(id);
  });

  it("a reply arriving after threads.modify does not inherit the label", async () => {
    const client = await gmailClient(emulator.url, { scope: `openid ${GMAIL_MODIFY}` });
    const { id, messageIds } = ada.thread;
    await client.users.threads.modify({ userId: "me", id, requestBody: { addLabelIds: [ada.labels.receipts] } });
    const last = await client.users.messages.get({
      userId: "me",
      id: messageIds[messageIds.length - 1] ?? "",
      format: "metadata",
      metadataHeaders: ["Message-ID"],
    });
    const reply = await control<{ id: string; threadId: string }>(emulator.url, "POST", "messages", {
      email: adaEmail,
      raw: `From: grace@example.com\r\nTo: ada@example.com\r\nSubject: Re: more\r\nIn-Reply-To: ${header(last.data, "Message-ID") ?? ""}\r\n\r\nLate reply.`,
    });
    expect(reply.threadId).toBe(id);
    const thread = (await client.users.threads.get({ userId: "me", id, format: "minimal" })).data;
    const labelled = thread.messages?.filter((m) => m.labelIds?.includes(ada.labels.receipts)).map((m) => m.id);
    expect(labelled).toEqual(messageIds);
    expect(thread.messages?.map((m) => m.id)).toContain(reply.id);
  });
});
