import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { GMAIL_SCOPES } from "../oauth/scopes";
import { GMAIL_READONLY } from "../testing/control-client";
import { useEmulator } from "./harness";
import { b64url, clientFor, gmailError, rawMessage, rawOf } from "./write-helpers";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada.email;

describe("users.drafts through @googleapis/gmail", () => {
  it("creates a DRAFT-only draft with an r… id, keeps the id on update while the message id rotates", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const before = (await gmail.users.getProfile({ userId: "me" })).data.historyId;
    const created = await gmail.users.drafts.create({
      userId: "me",
      requestBody: { message: { raw: b64url(rawMessage({ subject: "First" })) } },
    });
    expect(created.data.id).toMatch(/^r-?\d+$/);
    expect(created.data.message?.labelIds).toEqual(["DRAFT"]);
    const firstMessageId = created.data.message?.id ?? "";
    expect(firstMessageId).toMatch(/^[0-9a-f]{16}$/);

    const updated = await gmail.users.drafts.update({
      userId: "me",
      id: created.data.id ?? "",
      requestBody: { message: { raw: b64url(rawMessage({ to: "grace@example.com", subject: "Second" })) } },
    });
    expect(updated.data.id).toBe(created.data.id);
    expect(updated.data.message?.id).not.toBe(firstMessageId);
    expect((await gmailError(gmail.users.messages.get({ userId: "me", id: firstMessageId }))).status).toBe(404);

    const got = await gmail.users.drafts.get({ userId: "me", id: created.data.id ?? "" });
    expect(got.data.message?.payload?.headers?.find((h) => h.name === "Subject")?.value).toBe("Second");
    const raw = await gmail.users.drafts.get({ userId: "me", id: created.data.id ?? "", format: "raw" });
    expect(Buffer.from(raw.data.message?.raw ?? "", "base64url").toString()).toContain("To: grace@example.com");
    expect(raw.data.message?.payload).toBeUndefined();

    const history = await gmail.users.history.list({ userId: "me", startHistoryId: before ?? "" });
    const added = (history.data.history ?? []).flatMap((h) => h.messagesAdded ?? []).map((a) => a.message?.id);
    const deleted = (history.data.history ?? []).flatMap((h) => h.messagesDeleted ?? []).map((a) => a.message?.id);
    expect(added).toEqual([firstMessageId, updated.data.message?.id]);
    expect(deleted).toEqual([firstMessageId]);
  });

  it("lists drafts newest first with only id and message {id, threadId}, searches them, and deletes one for good", async () => {
    const gmail = await clientFor(emulator.url, ada);
    expect((await gmail.users.drafts.list({ userId: "me" })).data).toEqual({ resultSizeEstimate: 0 });
    const one = await gmail.users.drafts.create({
      userId: "me",
      requestBody: { message: { raw: b64url(rawMessage({ subject: "Apples" })) } },
    });
    const two = await gmail.users.drafts.create({
      userId: "me",
      requestBody: { message: { raw: b64url(rawMessage({ subject: "Pears" })) } },
    });
    const list = await gmail.users.drafts.list({ userId: "me" });
    expect(list.data.drafts).toEqual([
      { id: two.data.id, message: { id: two.data.message?.id, threadId: two.data.message?.threadId } },
      { id: one.data.id, message: { id: one.data.message?.id, threadId: one.data.message?.threadId } },
    ]);
    expect((await gmail.users.drafts.list({ userId: "me", q: "subject:apples" })).data.drafts?.map((d) => d.id)).toEqual([one.data.id]);
    const paged = await gmail.users.drafts.list({ userId: "me", maxResults: 1 });
    expect(paged.data.drafts?.map((d) => d.id)).toEqual([two.data.id]);
    const rest = await gmail.users.drafts.list({ userId: "me", maxResults: 1, pageToken: paged.data.nextPageToken ?? "" });
    expect(rest.data.drafts?.map((d) => d.id)).toEqual([one.data.id]);
    expect(rest.data.nextPageToken).toBeUndefined();

    const deleted = await gmail.users.drafts.delete({ userId: "me", id: one.data.id ?? "" });
    expect(deleted.status).toBe(204);
    expect((await gmailError(gmail.users.drafts.get({ userId: "me", id: one.data.id ?? "" }))).status).toBe(404);
    expect((await gmailError(gmail.users.messages.get({ userId: "me", id: one.data.message?.id ?? "" }))).status).toBe(404);
    expect((await gmailError(gmail.users.drafts.delete({ userId: "me", id: one.data.id ?? "" }))).status).toBe(404);
  });

  it("accepts standard base64 and bare LF, refuses a missing message, a bad To and a bogus threadId", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const lf = rawMessage({ to: "Grace <grace@example.com>", subject: "LF?", eol: "\n", body: "ÿ>?" });
    const created = await gmail.users.drafts.create({
      userId: "me",
      requestBody: { message: { raw: Buffer.from(lf).toString("base64") } },
    });
    const stored = await rawOf(gmail, created.data.message?.id ?? "");
    expect(stored).toContain("To: Grace <grace@example.com>\r\nSubject: LF?\r\n");

    expect(await gmailError(gmail.users.drafts.create({ userId: "me", requestBody: {} }))).toMatchObject({
      status: 400,
      message: "Missing draft message",
    });
    const badTo = b64url(rawMessage({ to: "['grace@example.com']" }));
    expect(await gmailError(gmail.users.drafts.create({ userId: "me", requestBody: { message: { raw: badTo } } }))).toMatchObject({
      status: 400,
      message: "Invalid To header",
      reason: "invalidArgument",
    });
    const bogus = { raw: b64url(rawMessage({})), threadId: "FMfcgzGtwWZcdkqvZrZ" };
    expect(await gmailError(gmail.users.drafts.create({ userId: "me", requestBody: { message: bogus } }))).toMatchObject({
      status: 400,
      message: "Invalid thread_id value",
    });
  });

  it("puts a reply draft into its conversation, which threads.get then shows", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const thread = SEED_FIXTURES.ada.thread;
    const parent = (await gmail.users.threads.get({ userId: "me", id: thread.id, format: "metadata" })).data.messages?.at(-1);
    const header = (name: string) => parent?.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? "";
    const raw = rawMessage({
      to: "grace@example.com",
      subject: `Re: ${header("Subject")}`,
      headers: { "In-Reply-To": header("Message-ID"), References: header("Message-ID") },
    });
    const draft = await gmail.users.drafts.create({ userId: "me", requestBody: { message: { raw: b64url(raw), threadId: thread.id } } });
    expect(draft.data.message?.threadId).toBe(thread.id);
    const after = await gmail.users.threads.get({ userId: "me", id: thread.id, format: "minimal" });
    expect(after.data.messages?.at(-1)).toMatchObject({ id: draft.data.message?.id, labelIds: ["DRAFT"] });
  });

  it("keeps a standalone draft's thread when the update names it, and starts a new one when it does not", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const created = await gmail.users.drafts.create({
      userId: "me",
      requestBody: { message: { raw: b64url(rawMessage({ subject: "Mine" })) } },
    });
    const threadId = created.data.message?.threadId ?? "";
    const update = (threadIdInBody?: string) =>
      gmail.users.drafts.update({
        userId: "me",
        id: created.data.id ?? "",
        requestBody: {
          message: { raw: b64url(rawMessage({ subject: "Mine, edited" })), ...(threadIdInBody ? { threadId: threadIdInBody } : {}) },
        },
      });
    expect((await update(threadId)).data.message?.threadId).toBe(threadId);
    expect((await update()).data.message?.threadId).not.toBe(threadId);
  });

  it("checks scopes: gmail.readonly reads but cannot write drafts, gmail.send cannot touch drafts, gmail.compose can", async () => {
    const readonly = await clientFor(emulator.url, ada, `openid email ${GMAIL_READONLY}`);
    const refused = await gmailError(
      readonly.users.drafts.create({ userId: "me", requestBody: { message: { raw: b64url(rawMessage({})) } } }),
    );
    expect(refused).toMatchObject({
      status: 403,
      message: "Request had insufficient authentication scopes.",
      reason: "insufficientPermissions",
    });
    expect((await readonly.users.drafts.list({ userId: "me" })).status).toBe(200);
    const sendOnly = await clientFor(emulator.url, ada, `openid email ${GMAIL_SCOPES.send}`);
    expect((await gmailError(sendOnly.users.drafts.list({ userId: "me" }))).status).toBe(403);
    const compose = await clientFor(emulator.url, ada, `openid email ${GMAIL_SCOPES.compose}`);
    const draft = await compose.users.drafts.create({ userId: "me", requestBody: { message: { raw: b64url(rawMessage({})) } } });
    expect((await compose.users.drafts.get({ userId: "me", id: draft.data.id ?? "" })).status).toBe(200);
    expect((await gmailError(compose.users.messages.get({ userId: "me", id: draft.data.message?.id ?? "" }))).status).toBe(403);
    expect((await compose.users.getProfile({ userId: "me" })).data.emailAddress).toBe(ada);
  });
});
