import type { gmail_v1 } from "@googleapis/gmail";
import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { GMAIL_MODIFY } from "../testing/control-client";
import { gmailClient, listAll } from "./gmail-helpers";
import { useEmulator } from "./harness";

const emulator = useEmulator();
const ada = SEED_FIXTURES.ada;
const MODIFY_SCOPE = `openid email ${GMAIL_MODIFY}`;
const UNKNOWN_ID = "0000000000000001";

async function historySince(client: gmail_v1.Gmail, startHistoryId: string): Promise<gmail_v1.Schema$History[]> {
  return (await client.users.history.list({ userId: "me", startHistoryId })).data.history ?? [];
}

async function currentHistoryId(client: gmail_v1.Gmail): Promise<string> {
  return (await client.users.getProfile({ userId: "me" })).data.historyId ?? "";
}

async function labelsOf(client: gmail_v1.Gmail, id: string): Promise<string[]> {
  return (await client.users.messages.get({ userId: "me", id, format: "minimal" })).data.labelIds ?? [];
}

/** The 400 body Gmail sends for a bad argument. */
function invalidArgument(message: string) {
  return {
    status: 400,
    response: { data: { error: { code: 400, message, errors: [{ message, domain: "global", reason: "invalidArgument" }] } } },
  };
}

describe("Gmail modify methods through @googleapis/gmail", () => {
  it("batchModify answers 204 with no body, skips unknown ids and records one change for every message", async () => {
    const client = await gmailClient(emulator.url, { scope: MODIFY_SCOPE });
    const ids = (await client.users.messages.list({ userId: "me", q: "is:unread in:inbox", maxResults: 3 })).data.messages?.map(
      (m) => m.id ?? "",
    );
    expect(ids).toHaveLength(3);
    const start = await currentHistoryId(client);
    const response = await client.users.messages.batchModify({
      userId: "me",
      requestBody: { ids: [...(ids ?? []), UNKNOWN_ID], removeLabelIds: ["UNREAD"] },
    });
    expect(response.status).toBe(204);
    expect(response.data).toBe("");
    for (const id of ids ?? []) expect(await labelsOf(client, id)).not.toContain("UNREAD");

    const history = await historySince(client, start);
    expect(history).toHaveLength(1);
    expect(history[0]?.messages?.map((m) => m.id)).toEqual(ids);
    expect(history[0]?.labelsRemoved?.map((c) => [c.message?.id, c.labelIds])).toEqual(ids?.map((id) => [id, ["UNREAD"]]));
    expect(history[0]?.labelsAdded).toBeUndefined();
    // Every message touched by the change carries the record's id.
    const touched = await client.users.messages.get({ userId: "me", id: ids?.[0] ?? "", format: "minimal" });
    expect(touched.data.historyId).toBe(history[0]?.id);

    const nothing = await client.users.messages.batchModify({ userId: "me", requestBody: { ids: [UNKNOWN_ID], addLabelIds: ["STARRED"] } });
    expect(nothing.status).toBe(204);
    expect(await historySince(client, history[0]?.id ?? "")).toEqual([]);
  });

  it("refuses what Gmail refuses: too many ids or labels, protected and unknown labels, no change at all", async () => {
    const client = await gmailClient(emulator.url, { scope: MODIFY_SCOPE });
    const id = ada.special.emoji.id;
    const before = await labelsOf(client, id);
    const tooMany = Array.from({ length: 1001 }, (_, i) => (i + 1).toString(16).padStart(16, "0"));
    await expect(
      client.users.messages.batchModify({ userId: "me", requestBody: { ids: tooMany, addLabelIds: ["STARRED"] } }),
    ).rejects.toMatchObject(invalidArgument("Number of ids cannot exceed 1000"));
    for (const label of ["SENT", "DRAFT", "CHAT", "Label_99"]) {
      await expect(
        client.users.messages.batchModify({ userId: "me", requestBody: { ids: [id], addLabelIds: [label] } }),
      ).rejects.toMatchObject(invalidArgument(`Invalid label: ${label}`));
      await expect(client.users.messages.modify({ userId: "me", id, requestBody: { removeLabelIds: [label] } })).rejects.toMatchObject(
        invalidArgument(`Invalid label: ${label}`),
      );
      await expect(
        client.users.threads.modify({ userId: "me", id: ada.thread.id, requestBody: { addLabelIds: [label] } }),
      ).rejects.toMatchObject(invalidArgument(`Invalid label: ${label}`));
    }
    const labels = Array.from({ length: 101 }, () => "STARRED");
    await expect(client.users.messages.modify({ userId: "me", id, requestBody: { addLabelIds: labels } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      client.users.messages.batchModify({ userId: "me", requestBody: { ids: [id], removeLabelIds: labels } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(client.users.messages.modify({ userId: "me", id, requestBody: {} })).rejects.toMatchObject(
      invalidArgument("No label add or removes specified"),
    );
    // Nothing was changed by any refused request.
    expect(await labelsOf(client, id)).toEqual(before);
  });

  it("trash and untrash answer the Message and are TRASH label changes in history", async () => {
    const client = await gmailClient(emulator.url, { scope: MODIFY_SCOPE });
    const id = ada.special.hebrew.id;
    const before = await labelsOf(client, id);
    expect(before).toContain("INBOX");
    const start = await currentHistoryId(client);
    const trashed = await client.users.messages.trash({ userId: "me", id });
    expect(trashed.status).toBe(200);
    expect(Object.keys(trashed.data)).toEqual(["id", "threadId", "labelIds", "snippet", "sizeEstimate", "historyId", "internalDate"]);
    expect(trashed.data.labelIds).toContain("TRASH");
    expect(await listAll(client, { labelIds: ["INBOX"] })).not.toContain(id);
    expect(await listAll(client, { labelIds: ["TRASH"] })).toContain(id);

    const untrashed = await client.users.messages.untrash({ userId: "me", id });
    expect(untrashed.data.labelIds).not.toContain("TRASH");
    expect(untrashed.data.labelIds).toEqual(before);
    expect(await listAll(client, { labelIds: ["INBOX"] })).toContain(id);

    const history = await historySince(client, start);
    expect(history.map((h) => [h.labelsAdded?.[0]?.labelIds, h.labelsRemoved?.[0]?.labelIds])).toEqual([
      [["TRASH"], undefined],
      [undefined, ["TRASH"]],
    ]);
    expect(history.every((h) => h.messagesDeleted === undefined)).toBe(true);
  });

  it("threads.modify, trash and untrash change every message of the conversation and answer the Thread", async () => {
    const client = await gmailClient(emulator.url, { scope: MODIFY_SCOPE });
    const { id, messageIds } = ada.thread;
    const start = await currentHistoryId(client);
    const modified = await client.users.threads.modify({ userId: "me", id, requestBody: { addLabelIds: [ada.labels.travel] } });
    expect(modified.status).toBe(200);
    expect(modified.data.id).toBe(id);
    expect(modified.data.messages?.map((m) => m.id)).toEqual(messageIds);
    for (const message of modified.data.messages ?? []) expect(message.labelIds).toContain(ada.labels.travel);
    const [record] = await historySince(client, start);
    expect(record?.labelsAdded?.map((c) => c.message?.id).sort()).toEqual([...messageIds].sort());
    expect(modified.data.historyId).toBe(record?.id);

    const trashed = await client.users.threads.trash({ userId: "me", id });
    expect(trashed.data.messages?.every((m) => m.labelIds?.includes("TRASH"))).toBe(true);
    const inboxThreads = await client.users.threads.list({ userId: "me", labelIds: ["INBOX"], maxResults: 500 });
    expect(inboxThreads.data.threads?.map((t) => t.id)).not.toContain(id);
    const untrashed = await client.users.threads.untrash({ userId: "me", id });
    expect(untrashed.data.messages?.some((m) => m.labelIds?.includes("TRASH"))).toBe(false);
    expect((await historySince(client, start)).length).toBe(3);
  });

  it("deletes for good only with https://mail.google.com/, as messagesDeleted history", async () => {
    const limited = await gmailClient(emulator.url, { scope: MODIFY_SCOPE });
    const id = ada.special.latin1.id;
    await expect(limited.users.messages.delete({ userId: "me", id })).rejects.toMatchObject({
      status: 403,
      response: { data: { error: { details: [{ reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" }] } } },
    });
    const client = await gmailClient(emulator.url, { scope: "openid email https://mail.google.com/" });
    const start = await currentHistoryId(client);
    expect((await client.users.messages.delete({ userId: "me", id })).status).toBe(204);
    await expect(client.users.messages.get({ userId: "me", id })).rejects.toMatchObject({ status: 404 });
    await expect(client.users.messages.delete({ userId: "me", id })).rejects.toMatchObject({ status: 404 });

    const others = [ada.special.emoji.id, ada.special.emptySubject.id];
    const batch = await client.users.messages.batchDelete({ userId: "me", requestBody: { ids: [...others, UNKNOWN_ID] } });
    expect(batch.status).toBe(204);
    expect((await client.users.threads.delete({ userId: "me", id: ada.thread.id })).status).toBe(204);
    await expect(client.users.threads.get({ userId: "me", id: ada.thread.id })).rejects.toMatchObject({ status: 404 });

    const history = await historySince(client, start);
    expect(history.map((h) => h.messagesDeleted?.map((d) => d.message?.id))).toEqual([[id], others, ada.thread.messageIds]);
    expect(history[0]?.messagesDeleted?.[0]?.message).toEqual({ id, threadId: ada.special.latin1.threadId });
    const profile = (await client.users.getProfile({ userId: "me" })).data;
    expect(profile.messagesTotal).toBe(ada.messagesTotal - 3 - ada.thread.length);
  });

  it("answers 404 notFound for a message or thread it does not know", async () => {
    const client = await gmailClient(emulator.url, { scope: "openid https://mail.google.com/" });
    const notFound = { status: 404, response: { data: { error: { code: 404, message: "Requested entity was not found." } } } };
    const calls = [
      () => client.users.messages.modify({ userId: "me", id: UNKNOWN_ID, requestBody: { addLabelIds: ["STARRED"] } }),
      () => client.users.messages.trash({ userId: "me", id: UNKNOWN_ID }),
      () => client.users.messages.untrash({ userId: "me", id: UNKNOWN_ID }),
      () => client.users.messages.delete({ userId: "me", id: UNKNOWN_ID }),
      () => client.users.threads.modify({ userId: "me", id: UNKNOWN_ID, requestBody: { addLabelIds: ["STARRED"] } }),
      () => client.users.threads.trash({ userId: "me", id: UNKNOWN_ID }),
      () => client.users.threads.untrash({ userId: "me", id: UNKNOWN_ID }),
      () => client.users.threads.delete({ userId: "me", id: UNKNOWN_ID }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject(notFound);
  });

  it("gives a gmail.readonly token 403 insufficientPermissions for every method that changes mail", async () => {
    const client = await gmailClient(emulator.url);
    const id = ada.special.emoji.id;
    const before = await labelsOf(client, id);
    const threadId = ada.thread.id;
    const calls: [string, () => Promise<unknown>][] = [
      [
        "BatchModifyMessages",
        () => client.users.messages.batchModify({ userId: "me", requestBody: { ids: [id], addLabelIds: ["STARRED"] } }),
      ],
      ["TrashMessage", () => client.users.messages.trash({ userId: "me", id })],
      ["UntrashMessage", () => client.users.messages.untrash({ userId: "me", id })],
      ["DeleteMessage", () => client.users.messages.delete({ userId: "me", id })],
      ["BatchDeleteMessages", () => client.users.messages.batchDelete({ userId: "me", requestBody: { ids: [id] } })],
      ["ModifyThread", () => client.users.threads.modify({ userId: "me", id: threadId, requestBody: { addLabelIds: ["STARRED"] } })],
      ["TrashThread", () => client.users.threads.trash({ userId: "me", id: threadId })],
      ["UntrashThread", () => client.users.threads.untrash({ userId: "me", id: threadId })],
      ["DeleteThread", () => client.users.threads.delete({ userId: "me", id: threadId })],
    ];
    for (const [method, call] of calls) {
      await expect(call()).rejects.toMatchObject({
        status: 403,
        response: {
          data: {
            error: {
              code: 403,
              message: "Request had insufficient authentication scopes.",
              errors: [{ message: "Insufficient Permission", domain: "global", reason: "insufficientPermissions" }],
              status: "PERMISSION_DENIED",
              details: [
                {
                  "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                  reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                  domain: "googleapis.com",
                  metadata: { service: "gmail.googleapis.com", method: `caribou.api.proto.MailboxService.${method}` },
                },
              ],
            },
          },
        },
      });
    }
    expect(await labelsOf(client, id)).toEqual(before);
  });
});
