import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { GMAIL_MODIFY } from "../testing/control-client";
import { allParts, decodeBase64Url, gmailClient, header, listAll } from "./gmail-helpers";
import { useEmulator } from "./harness";

const emulator = useEmulator();
const fixtures = SEED_FIXTURES.ada;

describe("@googleapis/gmail against the emulator", () => {
  it("pages through all of ada's messages, newest first, with no duplicate and none missing", async () => {
    const client = await gmailClient(emulator.url);
    const ids: string[] = [];
    const sizes: number[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await client.users.messages.list({
        userId: "me",
        maxResults: 37,
        includeSpamTrash: true,
        ...(pageToken ? { pageToken } : {}),
      });
      expect(data.resultSizeEstimate).toBe(fixtures.messagesTotal);
      sizes.push(data.messages?.length ?? 0);
      ids.push(...(data.messages ?? []).map((m) => m.id ?? ""));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(ids).toHaveLength(240);
    expect(fixtures.messagesTotal).toBe(240);
    expect(new Set(ids).size).toBe(240);
    expect(sizes.slice(0, -1).every((n) => n === 37)).toBe(true);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);

    const minimal = await Promise.all(ids.map((id) => client.users.messages.get({ userId: "me", id, format: "minimal" })));
    const dates = minimal.map((r) => Number(r.data.internalDate));
    for (let i = 1; i < dates.length; i++) expect(dates[i]).toBeLessThan(dates[i - 1] ?? 0);
    expect(dates[0]).toBe(fixtures.newestInternalDate);
  });

  it("leaves spam and trash out by default and filters by label ids", async () => {
    const client = await gmailClient(emulator.url);
    expect(await listAll(client)).toHaveLength(fixtures.visibleTotal);
    const inbox = await client.users.messages.list({ userId: "me", labelIds: ["INBOX"], maxResults: 25 });
    expect(inbox.data.resultSizeEstimate).toBe(fixtures.inbox);
    expect(fixtures.inbox).toBeGreaterThanOrEqual(200);
    expect(inbox.data.messages).toHaveLength(25);
    expect(await listAll(client, { labelIds: ["INBOX", "UNREAD"] })).toHaveLength(fixtures.inboxUnread);
    expect(await listAll(client, { labelIds: ["SPAM"] })).toHaveLength(fixtures.spam);
    const empty = await client.users.messages.list({ userId: "me", q: "zzzyzzx-no-such-word" });
    expect(empty.data).toEqual({ resultSizeEstimate: 0 });
  });

  it("gets a message in each format", async () => {
    const client = await gmailClient(emulator.url);
    const id = fixtures.special.attachments.id;
    const minimal = (await client.users.messages.get({ userId: "me", id, format: "minimal" })).data;
    expect(Object.keys(minimal)).toEqual(["id", "threadId", "labelIds", "snippet", "sizeEstimate", "historyId", "internalDate"]);
    expect(minimal.historyId).toMatch(/^\d+$/);
    expect(minimal.internalDate).toMatch(/^\d+$/);
    expect(typeof minimal.sizeEstimate).toBe("number");

    const metadata = (await client.users.messages.get({ userId: "me", id, format: "metadata", metadataHeaders: ["Subject", "From"] })).data;
    expect(metadata.payload?.headers?.map((h) => h.name)).toEqual(["From", "Subject"]);
    expect(header(metadata, "Subject")).toBe(fixtures.special.attachments.subject);
    expect(metadata.payload?.parts).toBeUndefined();

    const full = (await client.users.messages.get({ userId: "me", id })).data;
    expect(full.payload?.mimeType).toBe("multipart/mixed");
    expect(full.payload?.partId).toBe("");
    const files = allParts(full.payload).filter((p) => p.filename);
    expect(files.map((p) => ({ filename: p.filename, mimeType: p.mimeType, size: p.body?.size }))).toEqual(
      fixtures.special.attachments.files,
    );
    for (const file of files) {
      expect(file.body?.attachmentId).toBeTruthy();
      expect(file.body?.data).toBeUndefined();
      const attachment = await client.users.messages.attachments.get({ userId: "me", messageId: id, id: file.body?.attachmentId ?? "" });
      expect(decodeBase64Url(attachment.data.data).length).toBe(file.body?.size);
    }
    const pdf = files.find((f) => f.filename?.endsWith(".pdf"));
    const pdfData = await client.users.messages.attachments.get({ userId: "me", messageId: id, id: pdf?.body?.attachmentId ?? "" });
    expect(decodeBase64Url(pdfData.data.data).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const raw = (await client.users.messages.get({ userId: "me", id, format: "raw" })).data;
    expect(raw.payload).toBeUndefined();
    const rawBytes = decodeBase64Url(raw.raw);
    expect(rawBytes.length).toBe(full.sizeEstimate);
    expect(rawBytes.toString("latin1")).toContain(`Subject: ${fixtures.special.attachments.subject}`);
    // raw and full agree: the text part's bytes are the raw message's decoded body.
    const textPart = allParts(full.payload).find((p) => p.mimeType === "text/plain" && !p.filename);
    expect(decodeBase64Url(textPart?.body?.data).toString("utf8")).toContain(
      "The quarterly report (PDF) and my meeting notes are attached.",
    );
  });

  it("shows headers decoded, bodies in their own charset, and snippets HTML-escaped", async () => {
    const client = await gmailClient(emulator.url);
    const special = fixtures.special;
    const hebrew = (await client.users.messages.get({ userId: "me", id: special.hebrew.id })).data;
    expect(header(hebrew, "Subject")).toBe(special.hebrew.subject);
    expect(header(hebrew, "Content-Type")).toBe("text/plain; charset=windows-1255");
    expect(new TextDecoder("windows-1255").decode(decodeBase64Url(hebrew.payload?.body?.data)).replace(/\r\n/g, "\n")).toBe(
      special.hebrew.body,
    );
    expect(hebrew.snippet?.startsWith("שלום עדה")).toBe(true);
    const rawHebrew = decodeBase64Url(
      (await client.users.messages.get({ userId: "me", id: special.hebrew.id, format: "raw" })).data.raw,
    ).toString("latin1");
    expect(rawHebrew).toContain("Subject: =?windows-1255?B?");

    const latin1 = (await client.users.messages.get({ userId: "me", id: special.latin1.id })).data;
    expect(header(latin1, "Subject")).toBe(special.latin1.subject);
    const latinBytes = decodeBase64Url(latin1.payload?.body?.data);
    expect(latinBytes.includes(0xe8)).toBe(true);
    expect(new TextDecoder("iso-8859-1").decode(latinBytes).replace(/\r\n/g, "\n")).toBe(special.latin1.body);

    const emoji = (await client.users.messages.get({ userId: "me", id: special.emoji.id, format: "metadata" })).data;
    expect(header(emoji, "Subject")).toBe(special.emoji.subject);
    const empty = (await client.users.messages.get({ userId: "me", id: special.emptySubject.id, format: "metadata" })).data;
    expect(header(empty, "Subject")).toBe("");
    expect(empty.snippet).toBe("Sent from my phone. Call me when you land &amp; let&#39;s talk.");

    const html = (await client.users.messages.get({ userId: "me", id: special.htmlWithScript.id })).data;
    const htmlPart = allParts(html.payload).find((p) => p.mimeType === "text/html");
    const markup = decodeBase64Url(htmlPart?.body?.data).toString("utf8");
    expect(markup).toContain("<script>");
    expect(markup).toContain(`<img src="${special.htmlWithScript.remoteImageUrl}"`);
    expect(html.labelIds).toContain("UNREAD");
  });

  it("reads threads, labels and the profile", async () => {
    const client = await gmailClient(emulator.url);
    const thread = (
      await client.users.threads.get({ userId: "me", id: fixtures.thread.id, format: "metadata", metadataHeaders: ["Subject"] })
    ).data;
    expect(thread.messages?.map((m) => m.id)).toEqual(fixtures.thread.messageIds);
    expect(thread.messages).toHaveLength(fixtures.thread.length);
    expect(fixtures.thread.length).toBeGreaterThanOrEqual(10);
    expect(header(thread.messages?.[0] ?? {}, "Subject")).toBe(fixtures.thread.subject);
    const threads = await client.users.threads.list({ userId: "me", q: `subject:"${fixtures.thread.subject}"` });
    expect(threads.data.threads?.map((t) => t.id)).toEqual([fixtures.thread.id]);
    const allThreads = await client.users.threads.list({ userId: "me", includeSpamTrash: true, maxResults: 500 });
    expect(allThreads.data.threads).toHaveLength(fixtures.threadsTotal);

    const labels = (await client.users.labels.list({ userId: "me" })).data.labels ?? [];
    const user = labels.filter((l) => l.type === "user").map((l) => [l.id, l.name]);
    expect(user).toEqual(Object.entries(fixtures.labelNames));
    expect(labels.find((l) => l.id === "INBOX")?.type).toBe("system");
    const work = (await client.users.labels.get({ userId: "me", id: fixtures.labels.work })).data;
    expect(work.messagesTotal).toBe(fixtures.labelCounts[fixtures.labels.work]);

    const profile = (await client.users.getProfile({ userId: "me" })).data;
    expect(profile).toMatchObject({
      emailAddress: SEED_FIXTURES.accounts.ada.email,
      messagesTotal: 240,
      threadsTotal: fixtures.threadsTotal,
    });
  });

  it("modifies labels with gmail.modify and records it in history", async () => {
    const client = await gmailClient(emulator.url, { scope: `openid email ${GMAIL_MODIFY}` });
    const start = (await client.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const id = fixtures.special.htmlWithScript.id;
    const modified = await client.users.messages.modify({
      userId: "me",
      id,
      requestBody: { removeLabelIds: ["UNREAD"], addLabelIds: ["STARRED"] },
    });
    expect(modified.data.labelIds).not.toContain("UNREAD");
    expect(modified.data.labelIds).toContain("STARRED");
    expect(await listAll(client, { q: "is:unread" })).toHaveLength(fixtures.unread - 1);
    const history = (await client.users.history.list({ userId: "me", startHistoryId: start })).data;
    expect(history.history?.[0]).toMatchObject({
      messages: [{ id }],
      labelsAdded: [{ message: { id }, labelIds: ["STARRED"] }],
      labelsRemoved: [{ message: { id }, labelIds: ["UNREAD"] }],
    });
    expect(Number(history.historyId)).toBeGreaterThan(Number(start));
    const none = (await client.users.history.list({ userId: "me", startHistoryId: history.historyId ?? "" })).data;
    expect(none).toEqual({ historyId: history.historyId });
    await expect(client.users.history.list({ userId: "me", startHistoryId: "1" })).rejects.toMatchObject({ status: 404 });
  });
});
