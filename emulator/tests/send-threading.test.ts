import { describe, expect, it } from "vitest";
import { GMAIL_SCOPES } from "../oauth/scopes";
import { SEED_FIXTURES } from "../seed";
import { GMAIL_READONLY } from "../testing/control-client";
import { header } from "./gmail-helpers";
import { useEmulator } from "./harness";
import { b64url, clientFor, gmailError, rawHeader, rawMessage, rawOf } from "./write-helpers";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada.email;
const HEBREW_SUBJECT = "=?UTF-8?B?16HXmdeb15XXnSDXpNeS15nXqdeU?=";

describe("users.messages.send and drafts.send", () => {
  it("sends with SENT only, answers {id, threadId, labelIds}, rewrites Message-ID, keeps Bcc and Date in the sender's copy", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const before = (await gmail.users.getProfile({ userId: "me" })).data.historyId ?? "";
    const raw = rawMessage({
      from: "Ada Lovelace <ada@example.com>",
      to: "someone@elsewhere.example",
      bcc: "hidden@elsewhere.example",
      subject: HEBREW_SUBJECT,
      headers: { "Message-ID": "<client-chosen@example.com>", Date: "Mon, 1 Jun 2026 10:00:00 +0000" },
    });
    const { data } = await gmail.users.messages.send({ userId: "me", requestBody: { raw: b64url(raw) } });
    expect(Object.keys(data)).toEqual(["id", "threadId", "labelIds"]);
    expect(data.labelIds).toEqual(["SENT"]);
    expect(data.threadId).toBe(data.id);
    const stored = await rawOf(gmail, data.id ?? "");
    expect(rawHeader(stored, "Message-ID")).toMatch(/^<CA[A-Za-z0-9_-]+@mail\.gmail\.com>$/);
    expect(stored).not.toContain("client-chosen");
    expect(rawHeader(stored, "Bcc")).toBe("hidden@elsewhere.example");
    expect(rawHeader(stored, "Date")).toBe("Mon, 1 Jun 2026 10:00:00 +0000");
    expect(rawHeader(stored, "Subject")).toBe(HEBREW_SUBJECT);
    expect(stored.startsWith("Received: from ")).toBe(true);
    const full = await gmail.users.messages.get({ userId: "me", id: data.id ?? "" });
    expect(header(full.data, "Subject")).toBe("סיכום פגישה");
    const history = await gmail.users.history.list({ userId: "me", startHistoryId: before, historyTypes: ["messageAdded"] });
    expect(history.data.history?.flatMap((h) => h.messagesAdded ?? []).map((a) => a.message?.id)).toEqual([data.id]);
  });

  it("reads raw UTF-8 header bytes as Latin-1 and a raw non-ASCII file name as noname; encoded ones stay right", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const mime = (subject: string, disposition: string) =>
      [
        "To: x@elsewhere.example",
        `Subject: ${subject}`,
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain; charset=UTF-8",
        "",
        "Body",
        "--b",
        "Content-Type: application/pdf",
        `Content-Disposition: ${disposition}`,
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0=",
        "--b--",
        "",
      ].join("\r\n");
    const shown = async (raw: string) => {
      const { data } = await gmail.users.messages.send({ userId: "me", requestBody: { raw: b64url(raw) } });
      const full = (await gmail.users.messages.get({ userId: "me", id: data.id ?? "" })).data;
      return { subject: header(full, "Subject"), filename: full.payload?.parts?.[1]?.filename };
    };
    expect(await shown(mime("סיכום", 'attachment; filename="חשבונית.pdf"'))).toEqual({
      subject: Buffer.from("סיכום", "utf8").toString("latin1"),
      filename: "noname",
    });
    expect(await shown(mime(HEBREW_SUBJECT, "attachment; filename*=UTF-8''%D7%97%D7%A9%D7%91%D7%95%D7%A0%D7%99%D7%AA.pdf"))).toEqual({
      subject: "סיכום פגישה",
      filename: "חשבונית.pdf",
    });
  });

  it("swaps a From that is not the user's for the primary address, keeping its display name", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const raw = rawMessage({ from: "Boss <boss@elsewhere.example>", to: "x@elsewhere.example" });
    const { data } = await gmail.users.messages.send({ userId: "me", requestBody: { raw: b64url(raw) } });
    expect(rawHeader(await rawOf(gmail, data.id ?? ""), "From")).toBe("Boss <ada@example.com>");
  });

  it("keeps one copy of a message to oneself, with SENT, INBOX and UNREAD", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const { data } = await gmail.users.messages.send({ userId: "me", requestBody: { raw: b64url(rawMessage({ to: "ADA@example.com" })) } });
    expect(data.labelIds).toEqual(["UNREAD", "SENT", "INBOX"]);
    const copies = await gmail.users.messages.list({
      userId: "me",
      q: "rfc822msgid:" + rawHeader(await rawOf(gmail, data.id ?? ""), "Message-ID"),
    });
    expect(copies.data.messages).toHaveLength(1);
  });

  it("refuses no recipients, a malformed To, a missing raw and a bogus threadId, changing nothing", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const before = (await gmail.users.getProfile({ userId: "me" })).data;
    const send = (requestBody: Record<string, string>) => gmailError(gmail.users.messages.send({ userId: "me", requestBody }));
    expect(await send({ raw: b64url(rawMessage({})) })).toMatchObject({ status: 400, message: "Recipient address required" });
    expect(await send({ raw: b64url(rawMessage({ to: "human@f" })) })).toMatchObject({ status: 400, message: "Invalid To header" });
    expect(await send({ raw: b64url(rawMessage({ to: "a@b.example", cc: 'First Last:")" <x>;' })) })).toMatchObject({
      status: 400,
      message: "Invalid Cc header",
    });
    expect(await send({})).toMatchObject({
      status: 400,
      message: "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
    });
    expect(await send({ raw: b64url(rawMessage({ to: "a@b.example" })), threadId: "0000000000000001" })).toMatchObject({
      status: 400,
      message: "Invalid thread_id value",
    });
    expect((await gmail.users.getProfile({ userId: "me" })).data).toEqual(before);
  });

  it("joins a thread only with threadId, a reference into it and the same subject; otherwise starts a new one", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const first = await gmail.users.messages.send({
      userId: "me",
      requestBody: { raw: b64url(rawMessage({ to: "x@elsewhere.example", subject: "Plans" })) },
    });
    const parentId = rawHeader(await rawOf(gmail, first.data.id ?? ""), "Message-ID") ?? "";
    const threadId = first.data.threadId ?? "";
    const reply = (subject: string, refs: boolean) =>
      gmail.users.messages.send({
        userId: "me",
        requestBody: {
          threadId,
          raw: b64url(
            rawMessage({ to: "x@elsewhere.example", subject, headers: refs ? { "In-Reply-To": parentId, References: parentId } : {} }),
          ),
        },
      });
    expect((await reply("Re: Plans", true)).data.threadId).toBe(threadId);
    expect((await reply("RE: re: plans", true)).data.threadId).toBe(threadId);
    expect((await reply("Re: Plans", false)).data.threadId).not.toBe(threadId);
    expect((await reply("Something else", true)).data.threadId).not.toBe(threadId);
    const thread = await gmail.users.threads.get({ userId: "me", id: threadId, format: "minimal" });
    expect(thread.data.messages).toHaveLength(3);
  });

  it("drafts.send sends the draft with a new id and SENT, keeps its thread, and the draft and its message are gone", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const draft = await gmail.users.drafts.create({
      userId: "me",
      requestBody: { message: { raw: b64url(rawMessage({ to: "x@elsewhere.example" })) } },
    });
    const sent = await gmail.users.drafts.send({ userId: "me", requestBody: { id: draft.data.id ?? "" } });
    expect(Object.keys(sent.data)).toEqual(["id", "threadId", "labelIds"]);
    expect(sent.data.labelIds).toEqual(["SENT"]);
    expect(sent.data.id).not.toBe(draft.data.message?.id);
    expect(sent.data.threadId).toBe(draft.data.message?.threadId);
    expect((await gmailError(gmail.users.drafts.get({ userId: "me", id: draft.data.id ?? "" }))).status).toBe(404);
    expect((await gmailError(gmail.users.messages.get({ userId: "me", id: draft.data.message?.id ?? "" }))).status).toBe(404);
    expect((await gmailError(gmail.users.drafts.send({ userId: "me", requestBody: { id: draft.data.id ?? "" } }))).status).toBe(404);

    const empty = await gmail.users.drafts.create({ userId: "me", requestBody: { message: { raw: b64url(rawMessage({})) } } });
    const refused = await gmailError(gmail.users.drafts.send({ userId: "me", requestBody: { id: empty.data.id ?? "" } }));
    expect(refused).toMatchObject({ status: 400, message: "Recipient address required" });
    expect((await gmail.users.drafts.get({ userId: "me", id: empty.data.id ?? "" })).status).toBe(200);
    const replaced = await gmail.users.drafts.send({
      userId: "me",
      requestBody: { id: empty.data.id ?? "", message: { raw: b64url(rawMessage({ to: "y@elsewhere.example", subject: "Now" })) } },
    });
    expect(replaced.data.labelIds).toEqual(["SENT"]);
  });

  it("checks scopes: gmail.send may send but not drafts.send; gmail.readonly may not send", async () => {
    const sendOnly = await clientFor(emulator.url, ada, `openid email ${GMAIL_SCOPES.send}`);
    expect(
      (await sendOnly.users.messages.send({ userId: "me", requestBody: { raw: b64url(rawMessage({ to: "x@elsewhere.example" })) } }))
        .status,
    ).toBe(200);
    expect((await gmailError(sendOnly.users.drafts.send({ userId: "me", requestBody: { id: "r123" } }))).status).toBe(403);
    const readonly = await clientFor(emulator.url, ada, `openid email ${GMAIL_READONLY}`);
    const refused = await gmailError(
      readonly.users.messages.send({ userId: "me", requestBody: { raw: b64url(rawMessage({ to: "x@elsewhere.example" })) } }),
    );
    expect(refused).toMatchObject({ status: 403, reason: "insufficientPermissions" });
  });
});
