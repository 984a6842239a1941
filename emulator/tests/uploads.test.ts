import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "../seed";
import { control, obtainTokens } from "../testing/control-client";
import { allParts } from "./gmail-helpers";
import { useEmulator } from "./harness";
import { b64url, clientFor, gmailError, MODIFY_SCOPE, rawHeader, rawMessage, rawOf } from "./write-helpers";

const emulator = useEmulator();
const ada = SEED_FIXTURES.accounts.ada.email;
const grace = SEED_FIXTURES.accounts.grace.email;
const KIB = 1024;

/** A message with one binary attachment, base64 in 76-character lines, as mail composers write it. */
function withAttachment(file: Buffer, subject = "=?UTF-8?B?16HXmdeb15XXnSDXpNeS15nXqdeU?="): string {
  const lines = file.toString("base64").match(/.{1,76}/g) ?? [];
  return [
    "From: ada@example.com",
    "To: grace@example.com",
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=UTF-8",
    "",
    "See attached.",
    "--b1",
    'Content-Type: application/octet-stream; name="data.bin"',
    'Content-Disposition: attachment; filename="data.bin"',
    "Content-Transfer-Encoding: base64",
    "",
    ...lines,
    "--b1--",
    "",
  ].join("\r\n");
}

/**
 * googleapis-common applies a client-wide `rootUrl` to the metadata URL only; the upload URL (`mediaUrl`) comes
 * from the per-call `rootUrl` option, so media calls must name the emulator there too.
 */
function upload(): { rootUrl: string } {
  return { rootUrl: `${emulator.url}/` };
}

async function token(email = ada): Promise<string> {
  return (await obtainTokens(emulator.url, { email, scope: MODIFY_SCOPE })).access_token;
}

describe("the /upload/ URIs of messages.send and drafts.*", () => {
  it("sends through a multipart upload (the official client's media call); grace gets the attachment byte for byte", async () => {
    const adaMail = await clientFor(emulator.url, ada);
    const file = randomBytes(300 * KIB);
    const sent = await adaMail.users.messages.send(
      { userId: "me", requestBody: {}, media: { mimeType: "message/rfc822", body: withAttachment(file) } },
      upload(),
    );
    expect(sent.data.labelIds).toEqual(["SENT"]);
    const requests = await control<{ requests: { method: string; path: string }[] }>(emulator.url, "GET", "requests");
    expect(requests.requests.at(-1)?.path).toBe("/upload/gmail/v1/users/me/messages/send?uploadType=multipart");

    const graceMail = await clientFor(emulator.url, grace);
    const inbox = await graceMail.users.messages.list({ userId: "me", q: "filename:data.bin" });
    const id = inbox.data.messages?.[0]?.id ?? "";
    const message = await graceMail.users.messages.get({ userId: "me", id });
    const part = allParts(message.data.payload).find((p) => p.filename === "data.bin");
    const attachment = await graceMail.users.messages.attachments.get({ userId: "me", messageId: id, id: part?.body?.attachmentId ?? "" });
    expect(Buffer.from(attachment.data.data ?? "", "base64url").equals(file)).toBe(true);
    expect(rawHeader(await rawOf(graceMail, id), "Subject")).toBe("=?UTF-8?B?16HXmdeb15XXnSDXpNeS15nXqdeU?=");
  });

  it("creates, updates and sends a draft through multipart uploads, and takes uploadType=media for message/* only", async () => {
    const gmail = await clientFor(emulator.url, ada);
    const created = await gmail.users.drafts.create(
      {
        userId: "me",
        requestBody: { message: {} },
        media: { mimeType: "message/rfc822", body: rawMessage({ to: grace, subject: "Upload draft" }) },
      },
      upload(),
    );
    expect(created.data.message?.labelIds).toEqual(["DRAFT"]);
    const updated = await gmail.users.drafts.update(
      {
        userId: "me",
        id: created.data.id ?? "",
        requestBody: { message: {} },
        media: { mimeType: "message/rfc822", body: rawMessage({ to: grace, subject: "Upload draft 2" }) },
      },
      upload(),
    );
    expect(updated.data.id).toBe(created.data.id);
    expect(updated.data.message?.id).not.toBe(created.data.message?.id);
    const sent = await gmail.users.drafts.send(
      {
        userId: "me",
        requestBody: { id: created.data.id ?? "" },
        media: { mimeType: "message/rfc822", body: rawMessage({ to: grace, subject: "Upload draft 3" }) },
      },
      upload(),
    );
    expect(sent.data.labelIds).toEqual(["SENT"]);

    const media = await gmail.users.messages.send(
      { userId: "me", media: { mimeType: "message/rfc822", body: rawMessage({ to: grace }) } },
      upload(),
    );
    expect(media.data.labelIds).toEqual(["SENT"]);
    const refused = await gmailError(
      gmail.users.messages.send({ userId: "me", media: { mimeType: "text/plain", body: rawMessage({ to: grace }) } }, upload()),
    );
    expect(refused).toMatchObject({ status: 400, message: "Media type 'text/plain' is not supported. Valid media types: [message/*]" });
  });

  it("refuses a multipart upload whose JSON part comes second", async () => {
    const body = [
      "--xyz",
      "Content-Type: message/rfc822",
      "",
      rawMessage({ to: grace }),
      "--xyz",
      "Content-Type: application/json",
      "",
      "{}",
      "--xyz--",
    ].join("\r\n");
    const response = await fetch(`${emulator.url}/upload/gmail/v1/users/me/messages/send?uploadType=multipart`, {
      method: "POST",
      headers: { authorization: `Bearer ${await token()}`, "content-type": "multipart/related; boundary=xyz" },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("application/json can't be used as media type");
  });

  it("runs a resumable upload: 200 + Location, 308 + Range per 256 KiB chunk, a probe, the last chunk answers the draft", async () => {
    const access = await token();
    const raw = Buffer.from(withAttachment(randomBytes(500 * KIB)), "latin1");
    const init = await fetch(`${emulator.url}/upload/gmail/v1/users/me/drafts?uploadType=resumable`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${access}`,
        "content-type": "application/json; charset=UTF-8",
        "x-upload-content-type": "message/rfc822",
        "x-upload-content-length": String(raw.length),
      },
      body: JSON.stringify({ message: {} }),
    });
    expect(init.status).toBe(200);
    expect(await init.text()).toBe("");
    const location = init.headers.get("location") ?? "";
    expect(location).toMatch(/\/upload\/gmail\/v1\/users\/me\/drafts\?uploadType=resumable&upload_id=/);
    const put = (body: Buffer, range: string) =>
      fetch(location, { method: "PUT", redirect: "manual", headers: { "content-range": range }, body: new Uint8Array(body) });

    const probe0 = await put(Buffer.alloc(0), `bytes */${raw.length}`);
    expect(probe0.status).toBe(308);
    expect(probe0.headers.get("range")).toBeNull();
    const odd = await put(raw.subarray(0, 1000), `bytes 0-999/${raw.length}`);
    expect(odd.status).toBe(400);
    const first = await put(raw.subarray(0, 256 * KIB), `bytes 0-${256 * KIB - 1}/${raw.length}`);
    expect(first.status).toBe(308);
    expect(first.headers.get("range")).toBe(`bytes=0-${256 * KIB - 1}`);
    const probe = await put(Buffer.alloc(0), `bytes */${raw.length}`);
    expect(probe.headers.get("range")).toBe(`bytes=0-${256 * KIB - 1}`);
    const last = await put(raw.subarray(256 * KIB), `bytes ${256 * KIB}-${raw.length - 1}/${raw.length}`);
    expect(last.status).toBe(200);
    const draft = (await last.json()) as { id: string; message: { id: string; labelIds: string[] } };
    expect(draft.id).toMatch(/^r-?\d+$/);
    expect(draft.message.labelIds).toEqual(["DRAFT"]);
    const gmail = await clientFor(emulator.url, ada);
    expect(Buffer.from(await rawOf(gmail, draft.message.id), "utf8").length).toBe(raw.length);

    const unknown = await fetch(`${emulator.url}/upload/gmail/v1/users/me/drafts?uploadType=resumable&upload_id=nope`, {
      method: "PUT",
      body: "x",
    });
    expect(unknown.status).toBe(404);
    const gone = await fetch(`${emulator.url}/upload/gmail/v1/users/me/drafts/r123?uploadType=resumable`, {
      method: "PUT",
      headers: { authorization: `Bearer ${access}`, "content-type": "application/json" },
      body: JSON.stringify({ id: "r123", message: {} }),
    });
    expect(gone.status).toBe(404);
  });

  it("caps sizes: the metadata URI answers 413 above its cap, the upload URI above the upload cap", async () => {
    await control(emulator.url, "POST", "limits", { metadataRawBytes: 2000, uploadBytes: 300 * KIB });
    const gmail = await clientFor(emulator.url, ada);
    const big = rawMessage({ to: grace, body: "x".repeat(3000) });
    const metadata = await gmailError(gmail.users.messages.send({ userId: "me", requestBody: { raw: b64url(big) } }));
    expect(metadata.status).toBe(413);
    expect((await gmail.users.messages.send({ userId: "me", media: { mimeType: "message/rfc822", body: big } }, upload())).status).toBe(
      200,
    );
    const huge = withAttachment(randomBytes(400 * KIB));
    expect(
      (await gmailError(gmail.users.messages.send({ userId: "me", media: { mimeType: "message/rfc822", body: huge } }, upload()))).status,
    ).toBe(413);
    const before = (await gmail.users.getProfile({ userId: "me" })).data.historyId;
    await gmailError(
      gmail.users.drafts.create(
        { userId: "me", requestBody: { message: {} }, media: { mimeType: "message/rfc822", body: huge } },
        upload(),
      ),
    );
    expect((await gmail.users.getProfile({ userId: "me" })).data.historyId).toBe(before);
  });
});
