// The draft use cases through the emulator over HTTP and a real database: what lands in Gmail's Drafts, byte
// for byte where it matters, and what each caller is told.
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { GMAIL_MODIFY, obtainTokens } from "@/emulator/testing/control-client";
import { signInTokensFrom } from "@/scripts/testing/accounts";
import { control, loggedGmailRequests } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import type { AppError } from "../errors";
import { decodeEncodedWords } from "../mime/encoded-words";
import { saveSignInTokens } from "../tokens/token-store";
import { saveUpload, sweepStaleUploads } from "../uploads/upload-store";
import { createDraftFor, deleteDraftFor, getDraftDetail, getDraftForSend, listDraftSummaries, updateDraftFor } from ".";

const environment = useIntegrationEnvironment();
const READ_ONLY = "openid email profile https://www.googleapis.com/auth/gmail.readonly";

type Signed = { userId: string; account: Account };

async function signedIn(email: string, scope = `openid email profile ${GMAIL_MODIFY}`): Promise<Signed> {
  const tokens = await obtainTokens(environment.emulatorUrl, { email, scope });
  await control(environment.emulatorUrl, "POST", "consent", { autoApprove: false });
  const user = await getDb().user.upsert({ where: { email }, create: { email, name: email }, update: {} });
  const account = await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
  return { userId: user.id, account };
}

type StoredMessage = { id: string; threadId: string; labelIds: string[]; raw: string };

/** The mailbox's messages as the emulator stores them (drafts included), raw bytes decoded. */
async function stored(email: string, labelIds = "DRAFT"): Promise<(StoredMessage & { text: string })[]> {
  const { messages } = await control<{ messages: StoredMessage[] }>(
    environment.emulatorUrl,
    "GET",
    `messages?email=${email}&labelIds=${labelIds}`,
  );
  return messages.map((message) => ({ ...message, text: Buffer.from(message.raw, "base64url").toString("utf8") }));
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const line = head
    .replace(/\r?\n[ \t]/g, " ")
    .split(/\r?\n/)
    .find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** The message text with quoted-printable soft breaks and escapes undone (enough to read an HTML part). */
const decodedBodies = (raw: string) =>
  raw.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((error: unknown) => error as AppError);

let ada: Signed;

beforeEach(async () => {
  ada = await signedIn("ada@example.com");
});

const context = (who: Signed) => ({ userId: who.userId, account: who.account });

describe("createDraftFor", () => {
  it("writes a Gmail draft with Hebrew subject and names encoded, Bcc kept, text and HTML parts", async () => {
    const saved = await createDraftFor(context(ada), {
      to: ["דנה כהן <dana@example.co.il>"],
      bcc: ["secret@example.com"],
      subject: "סיכום פגישה",
      html: "<p>שלום <b>דנה</b></p><script>alert(1)</script>",
    });
    expect(saved.version).toBe(saved.messageId);
    const [draft] = await stored("ada@example.com");
    expect(draft!.id).toBe(saved.messageId);
    expect(decodeEncodedWords(header(draft!.text, "Subject")!)).toBe("סיכום פגישה");
    expect(decodeEncodedWords(header(draft!.text, "To")!)).toBe("דנה כהן <dana@example.co.il>");
    expect(header(draft!.text, "Bcc")).toBe("secret@example.com");
    expect(header(draft!.text, "From")).toContain("ada@example.com");
    expect(draft!.text).toContain("multipart/alternative");
    expect(draft!.text).not.toContain("alert(1)");
  });

  it("names every invalid recipient and writes nothing", async () => {
    const error = await failure(
      createDraftFor(context(ada), { to: ["grace@example.com", "not-an-address"], cc: ["x@y"], subject: "", html: "" }),
    );
    expect(error).toMatchObject({ code: "bad_request", status: 400, details: { invalidRecipients: ["not-an-address", "x@y"] } });
    expect(await stored("ada@example.com")).toEqual([]);
  });

  it("asks for gmail.modify before anything reaches Gmail when the account can only read", async () => {
    const reader = await signedIn("grace@example.com", READ_ONLY);
    await control(environment.emulatorUrl, "DELETE", "requests");
    const error = await failure(createDraftFor(context(reader), { to: ["ada@example.com"], subject: "Hi", html: "<p>Hi</p>" }));
    expect(error).toMatchObject({ code: "scope_required", status: 403 });
    expect(await loggedGmailRequests(environment.emulatorUrl)).toEqual([]);
  });

  it("refuses a From that is not one of the account's addresses", async () => {
    const error = await failure(
      createDraftFor(context(ada), { to: ["g@example.com"], subject: "x", html: "", from: "ceo@elsewhere.example" }),
    );
    expect(error).toMatchObject({ code: "bad_request" });
  });
});

describe("updateDraftFor", () => {
  it("rewrites the draft for the current version and refuses a stale one with draft_conflict", async () => {
    const first = await createDraftFor(context(ada), { to: ["grace@example.com"], subject: "Plan", html: "<p>one</p>" });
    const second = await updateDraftFor(context(ada), first.id, {
      to: ["grace@example.com"],
      subject: "Plan",
      html: "<p>two</p>",
      version: first.version,
    });
    expect(second.id).toBe(first.id);
    expect(second.version).not.toBe(first.version);

    const stale = await failure(
      updateDraftFor(context(ada), first.id, { to: ["grace@example.com"], subject: "Plan", html: "<p>stale</p>", version: first.version }),
    );
    expect(stale).toMatchObject({ code: "draft_conflict", status: 409, details: { version: second.version } });
    const drafts = await stored("ada@example.com");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.text).toContain("two");
    expect(drafts[0]!.text).not.toContain("stale");
  });

  it("lets exactly one of two saves racing from the same version through", async () => {
    const first = await createDraftFor(context(ada), { to: ["grace@example.com"], subject: "Race", html: "<p>0</p>" });
    const save = (text: string) =>
      updateDraftFor(context(ada), first.id, {
        to: ["grace@example.com"],
        subject: "Race",
        html: `<p>${text}</p>`,
        version: first.version,
      });
    const outcomes = await Promise.allSettled([save("tab one"), save("tab two")]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "draft_conflict" });
  });

  it("is 404 for another user's draft, and nothing changes", async () => {
    const mine = await createDraftFor(context(ada), { to: ["grace@example.com"], subject: "Mine", html: "<p>mine</p>" });
    const grace = await signedIn("grace@example.com");
    const error = await failure(updateDraftFor(context(grace), mine.id, { to: [], subject: "x", html: "", version: mine.version }));
    expect(error).toMatchObject({ code: "not_found", status: 404 });
    expect(await failure(getDraftDetail({ userId: grace.userId, account: grace.account, draftId: mine.id }))).toMatchObject({
      code: "not_found",
    });
    expect((await stored("ada@example.com"))[0]!.text).toContain("mine");
  });
});

describe("replies and forwards", () => {
  async function deliverToAda(raw: string): Promise<{ id: string; threadId: string }> {
    return control(environment.emulatorUrl, "POST", "messages", { email: "ada@example.com", raw });
  }

  it("threads a reply by headers and threadId, with one Re: and the quoted original", async () => {
    const parent = await deliverToAda(
      "From: Bob <bob@example.com>\r\nTo: ada@example.com, carol@example.com\r\nSubject: Lunch\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n" +
        "Message-ID: <lunch-2@example.com>\r\nReferences: <lunch-1@example.com>\r\n\r\nNoon?",
    );
    const saved = await createDraftFor(context(ada), {
      to: [],
      subject: "",
      html: "<p>Yes</p>",
      inReplyTo: { messageId: parent.id, mode: "replyAll" },
    });
    expect(saved.threadId).toBe(parent.threadId);
    const draft = (await stored("ada@example.com")).find((message) => message.id === saved.messageId)!;
    expect(header(draft.text, "Subject")).toBe("Re: Lunch");
    expect(header(draft.text, "In-Reply-To")).toBe("<lunch-2@example.com>");
    expect(header(draft.text, "References")).toBe("<lunch-1@example.com> <lunch-2@example.com>");
    // As Gmail's Reply all: the parent's other To recipients stay in To.
    expect(header(draft.text, "To")).toBe("Bob <bob@example.com>, carol@example.com");
    expect(header(draft.text, "Cc")).toBeUndefined();
    expect(decodedBodies(draft.text)).toContain("On Mon, 7 Dec 2026 10:00:00 +0000, <bdi>Bob &#60;bob@example.com&#62;</bdi> wrote:");

    // Reopened, the composer gets what the person wrote; the quote stays Mailroom's to append.
    const detail = await getDraftDetail({ userId: ada.userId, account: ada.account, draftId: saved.id });
    expect(detail.html).toBe("<p>Yes</p>");
    expect(detail.subject).toBe("Re: Lunch");
    expect(detail.to).toEqual(["Bob <bob@example.com>", "carol@example.com"]);
    const later = await updateDraftFor(context(ada), saved.id, {
      to: detail.to,
      cc: detail.cc,
      subject: detail.subject,
      html: "<p>Yes, noon</p>",
      version: detail.version,
    });
    const rewritten = (await stored("ada@example.com")).find((message) => message.id === later.messageId)!;
    expect(header(rewritten.text, "In-Reply-To")).toBe("<lunch-2@example.com>");
    expect(decodedBodies(rewritten.text)).toContain("wrote:");
    expect(later.threadId).toBe(parent.threadId);
  });

  it("forwards the original's attachments byte for byte", async () => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, index) => index % 256));
    const parent = await deliverToAda(
      [
        "From: Bob <bob@example.com>",
        "To: ada@example.com",
        "Subject: Report",
        "Message-ID: <report@example.com>",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "See attached.",
        "--b",
        'Content-Type: application/octet-stream; name="data.bin"',
        'Content-Disposition: attachment; filename="data.bin"',
        "Content-Transfer-Encoding: base64",
        "",
        bytes.toString("base64"),
        "--b--",
        "",
      ].join("\r\n"),
    );
    const saved = await createDraftFor(context(ada), {
      to: ["grace@example.com"],
      subject: "",
      html: "<p>FYI</p>",
      inReplyTo: { messageId: parent.id, mode: "forward" },
    });
    expect(saved.attachments).toEqual([
      { uploadId: saved.attachments[0]!.uploadId, filename: "data.bin", size: 3000, mimeType: "application/octet-stream" },
    ]);
    const draft = (await stored("ada@example.com")).find((message) => message.id === saved.messageId)!;
    expect(header(draft.text, "Subject")).toBe("Fwd: Report");
    expect(draft.text).toContain("---------- Forwarded message ---------");
    const body = /filename=data\.bin\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(draft.text)?.[1];
    expect(Buffer.from(body!.replace(/\r\n/g, ""), "base64").equals(bytes)).toBe(true);
  });
});

describe("large attachments", () => {
  it("sends a draft with a 6 MB attachment by resumable upload", async () => {
    const size = 6 * 1024 * 1024;
    const upload = await saveUpload(
      { userId: ada.userId, accountId: ada.account.id },
      { filename: "big.bin", mimeType: "application/octet-stream", body: Readable.from([Buffer.alloc(size, 1)]) },
    );
    await control(environment.emulatorUrl, "DELETE", "requests");
    const saved = await createDraftFor(context(ada), {
      to: ["grace@example.com"],
      subject: "Big",
      html: "<p>big</p>",
      attachments: [upload.uploadId],
    });
    const { requests } = await control<{ requests: { method: string; path: string; status: number }[] }>(
      environment.emulatorUrl,
      "GET",
      "requests",
    );
    const uploads = requests.filter((request) => request.path.startsWith("/upload/"));
    // The session is opened, then the message follows in 8 MiB chunks: one here (about 8.3 MB in all).
    expect(uploads.map((request) => [request.method, request.path.split("?")[0], request.status])).toEqual([
      ["POST", "/upload/gmail/v1/users/me/drafts", 200],
      ["PUT", "/upload/gmail/v1/users/me/drafts", 308],
      ["PUT", "/upload/gmail/v1/users/me/drafts", 200],
    ]);
    const draft = (await stored("ada@example.com")).find((message) => message.id === saved.messageId)!;
    expect(draft.text.length).toBeGreaterThan(size);
  });
});

describe("reopening a draft", () => {
  it("gets its files back from Gmail when the upload store swept them", async () => {
    const upload = await saveUpload(
      { userId: ada.userId, accountId: ada.account.id },
      { filename: "notes.txt", mimeType: "text/plain", body: Readable.from([Buffer.from("the notes")]) },
    );
    const saved = await createDraftFor(context(ada), {
      to: ["grace@example.com"],
      subject: "Notes",
      html: "<p>n</p>",
      attachments: [upload.uploadId],
    });
    await sweepStaleUploads(Date.now() + 30 * 24 * 3600 * 1000, true);
    const detail = await getDraftDetail({ userId: ada.userId, account: ada.account, draftId: saved.id });
    expect(detail.attachments).toEqual([
      { uploadId: expect.not.stringMatching(upload.uploadId) as unknown, filename: "notes.txt", size: 9, mimeType: "text/plain" },
    ]);
  });
});

describe("a large draft while the person types", () => {
  it("holds autosaves within a minute in the database, and writes the latest to Gmail at any other save, after a minute, and before a send", async () => {
    const upload = await saveUpload(
      { userId: ada.userId, accountId: ada.account.id },
      { filename: "big.bin", mimeType: "application/octet-stream", body: Readable.from([Buffer.alloc(6 * 1024 * 1024, 1)]) },
    );
    const fields = (text: string) => ({
      to: ["grace@example.com"],
      subject: "Big",
      html: `<p>${text}</p>`,
      attachments: [upload.uploadId],
      autosave: true,
    });
    const uploadsToGmail = async () => {
      const { requests } = await control<{ requests: { path: string }[] }>(environment.emulatorUrl, "GET", "requests");
      return requests.filter((request) => request.path.startsWith("/upload/")).length;
    };
    const gmailText = async () => decodedBodies((await stored("ada@example.com"))[0]!.text);

    const first = await createDraftFor(context(ada), fields("first"));
    await control(environment.emulatorUrl, "DELETE", "requests");
    const second = await updateDraftFor(context(ada), first.id, { ...fields("second"), version: first.version });
    const third = await updateDraftFor(context(ada), first.id, { ...fields("third"), version: second.version });
    expect(await uploadsToGmail()).toBe(0);
    expect(third.version).not.toBe(second.version);
    // Held, not lost: the composer reopens with the latest text, and a stale tab is still refused.
    expect((await getDraftDetail({ userId: ada.userId, account: ada.account, draftId: first.id })).html).toBe("<p>third</p>");
    expect(await failure(updateDraftFor(context(ada), first.id, { ...fields("stale"), version: second.version }))).toMatchObject({
      code: "draft_conflict",
    });
    expect(await gmailText()).toContain("first");

    await getDraftForSend({ account: ada.account, draftId: first.id });
    expect(await gmailText()).toContain("third");

    const fourth = await updateDraftFor(context(ada), first.id, {
      ...fields("fourth"),
      version: (await getDraftDetail({ userId: ada.userId, account: ada.account, draftId: first.id })).version,
    });
    expect(await gmailText()).toContain("third");
    const closing = await updateDraftFor(context(ada), first.id, { ...fields("closing"), version: fourth.version, autosave: false });
    expect(await gmailText()).toContain("closing");
    await updateDraftFor(context(ada), first.id, { ...fields("a minute later"), version: closing.version }, Date.now() + 61_000);
    expect(await gmailText()).toContain("a minute later");
  });
});

describe("list, get for send, delete", () => {
  it("lists drafts, reports one for the send job, and deletes it", async () => {
    const saved = await createDraftFor(context(ada), {
      to: ["grace@example.com", "Bob <bob@example.com>"],
      bcc: ["c@example.com"],
      subject: "Agenda",
      html: "<p>1. Tea</p>",
    });
    const list = await listDraftSummaries(ada.account);
    expect(list).toEqual([
      expect.objectContaining({
        id: saved.id,
        messageId: saved.messageId,
        subject: "Agenda",
        to: ["grace@example.com", "Bob <bob@example.com>"],
      }),
    ]);
    expect(await getDraftForSend({ account: ada.account, draftId: saved.id })).toMatchObject({
      draftId: saved.id,
      subject: "Agenda",
      recipients: 3,
    });
    await deleteDraftFor({ userId: ada.userId, account: ada.account, draftId: saved.id });
    expect(await stored("ada@example.com")).toEqual([]);
    expect(await failure(getDraftForSend({ account: ada.account, draftId: saved.id }))).toMatchObject({ code: "not_found" });
  });
});
