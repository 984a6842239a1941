import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "@/emulator/seed";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { messageWithAttachment } from "@/scripts/testing/raw-messages";
import { instanceDownloadBudget } from "../downloads/instance-budget";
import { getAttachment } from "./get-attachment";
import { getMessage } from "../mail/get-message";
import { resolveAccount } from "../accounts/linked-accounts";

const environment = useIntegrationEnvironment();
const seed = SEED_FIXTURES.ada;
let ada: LinkedAccount;

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
});

/** Gmail's own answer for the attachment (not Mailroom's): the bytes a download must equal. */
async function gmailBytes(messageId: string, attachmentId: string): Promise<Buffer> {
  const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/messages/${messageId}/attachments/${attachmentId}`, {
    headers: { authorization: `Bearer ${ada.tokens.access_token}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(((await response.json()) as { data: string }).data, "base64url");
}

async function downloaded(options: { messageId: string; attachmentId: string }) {
  const file = await getAttachment({ account: await resolveAccount({ userId: ada.userId }), ...options });
  return { ...file, bytes: Buffer.from(await new Response(file.body).arrayBuffer()) };
}

/** A message with one attachment, inserted the way Gmail receives mail. */
async function insertWithAttachment(filename: string, mimeType: string, bytes: Buffer): Promise<string> {
  const raw = messageWithAttachment({
    to: "ada@example.com",
    subject: "A file",
    text: "See attached.",
    attachment: { filename, mimeType, bytes },
  });
  const { id } = await control<{ id: string }>(environment.emulatorUrl, "POST", "messages", {
    email: "ada@example.com",
    raw,
    labelIds: ["INBOX"],
  });
  return id;
}

describe("getAttachment", () => {
  it("hands over each of the seed's attachments byte for byte, with its name and type", async () => {
    const message = await getMessage({ account: await resolveAccount({ userId: ada.userId }), id: seed.special.attachments.id });
    expect(message.attachments).toHaveLength(seed.special.attachments.files.length);
    for (const attachment of message.attachments) {
      const file = await downloaded({ messageId: message.id, attachmentId: attachment.attachmentId! });
      expect(file).toMatchObject({ filename: attachment.filename, mimeType: attachment.mimeType, size: attachment.size });
      expect(file.bytes.equals(await gmailBytes(message.id, attachment.attachmentId!))).toBe(true);
    }
  });

  it("streams a large file in many chunks, every byte intact", async () => {
    const bytes = randomBytes(700_001);
    const messageId = await insertWithAttachment("big.bin", "application/octet-stream", bytes);
    const [attachment] = (await getMessage({ account: await resolveAccount({ userId: ada.userId }), id: messageId })).attachments;
    const file = await getAttachment({
      account: await resolveAccount({ userId: ada.userId }),
      messageId,
      attachmentId: attachment!.attachmentId!,
    });
    let chunks = 0;
    const received: Buffer[] = [];
    const reader = file.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks += 1;
      received.push(Buffer.from(read.value));
    }
    expect(chunks).toBeGreaterThan(5);
    expect(Buffer.concat(received).equals(bytes)).toBe(true);
    expect(file.size).toBe(bytes.length);
  });

  it("streams a 20 MB attachment byte for byte, and gives its share of the budget back when done", async () => {
    const bytes = randomBytes(20 * 1024 * 1024);
    const messageId = await insertWithAttachment("large.bin", "application/octet-stream", bytes);
    const [attachment] = (await getMessage({ account: await resolveAccount({ userId: ada.userId }), id: messageId })).attachments;
    const file = await downloaded({ messageId, attachmentId: attachment!.attachmentId! });
    expect(file.size).toBe(bytes.length);
    expect(file.bytes.equals(bytes)).toBe(true);
    expect(instanceDownloadBudget().inUse).toEqual({ bytes: 0, downloads: 0 });
  });

  it("refuses a user's downloads past three at once (429, Retry-After), and takes one again when another is cancelled", async () => {
    const bytes = randomBytes(2 * 1024 * 1024);
    const messageId = await insertWithAttachment("report.pdf", "application/pdf", bytes);
    const [attachment] = (await getMessage({ account: await resolveAccount({ userId: ada.userId }), id: messageId })).attachments;
    const request = { account: await resolveAccount({ userId: ada.userId }), messageId, attachmentId: attachment!.attachmentId! };
    // Three downloads that nobody reads yet: each holds its place until it ends.
    const running = await Promise.all([getAttachment(request), getAttachment(request), getAttachment(request)]);
    await expect(getAttachment(request)).rejects.toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 5 });
    await running[0].body.cancel();
    const fourth = await getAttachment(request);
    expect(Buffer.from(await new Response(fourth.body).arrayBuffer()).equals(bytes)).toBe(true);
    for (const download of running.slice(1)) expect(Buffer.from(await new Response(download.body).arrayBuffer()).equals(bytes)).toBe(true);
    expect(instanceDownloadBudget().inUse).toEqual({ bytes: 0, downloads: 0 });
  });

  it("answers not_found for an unknown attachment id and for another message's attachment", async () => {
    const otherId = await insertWithAttachment("other.txt", "text/plain", Buffer.from("another message's file"));
    const [other] = (await getMessage({ account: await resolveAccount({ userId: ada.userId }), id: otherId })).attachments;
    const attempts = [
      { messageId: seed.special.attachments.id, attachmentId: "ANGjdJ" + "x".repeat(80) },
      { messageId: seed.special.attachments.id, attachmentId: other!.attachmentId! },
      // A message without any attachment.
      { messageId: seed.special.hebrew.id, attachmentId: other!.attachmentId! },
      { messageId: "ffffffffffffffff", attachmentId: other!.attachmentId! },
    ];
    for (const attempt of attempts) {
      await expect(getAttachment({ account: await resolveAccount({ userId: ada.userId }), ...attempt })).rejects.toMatchObject({
        code: "not_found",
        status: 404,
      });
    }
  });
});
