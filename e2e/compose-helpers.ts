// Shared by the writing-mail specs: the composer driven as a person drives it, and grace's (or anyone's)
// mailbox read back through Gmail's own API with an OAuth client of the test's, so what arrived is checked
// as another mail client would see it.
import { randomBytes } from "node:crypto";
import { type Locator, type Page, expect } from "@playwright/test";
import type { Emulator } from "./fixtures";
import { readOnlyToken } from "./gmail-reader";

export type GmailHeader = { name: string; value: string };
export type GmailPart = {
  mimeType?: string;
  filename?: string;
  headers?: GmailHeader[];
  body?: { size?: number; data?: string; attachmentId?: string };
  parts?: GmailPart[];
};
export type GmailMessage = { id: string; threadId: string; labelIds?: string[]; payload?: GmailPart; raw?: string };

/** One mailbox, read with a gmail.readonly token of its own (never the app's grant). */
export class MailboxReader {
  private constructor(
    private readonly emulator: Emulator,
    private readonly token: string,
  ) {}

  static async open(emulator: Emulator, email: string): Promise<MailboxReader> {
    return new MailboxReader(emulator, await readOnlyToken(emulator, email));
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(new URL(`/gmail/v1/users/me/${path}`, this.emulator.url), {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** Ids of the messages a Gmail search finds, newest first. */
  async search(q: string): Promise<string[]> {
    const list = await this.get<{ messages?: { id: string }[] }>(`messages?${new URLSearchParams({ q })}`);
    return (list.messages ?? []).map((message) => message.id);
  }

  async message(id: string): Promise<GmailMessage> {
    return this.get<GmailMessage>(`messages/${id}?format=full`);
  }

  /** The message as it travelled: its RFC 2822 text. */
  async raw(id: string): Promise<string> {
    const message = await this.get<GmailMessage>(`messages/${id}?format=raw`);
    return Buffer.from(message.raw ?? "", "base64url").toString("utf8");
  }

  async drafts(): Promise<{ id: string; message: { id: string; threadId: string } }[]> {
    return (await this.get<{ drafts?: { id: string; message: { id: string; threadId: string } }[] }>("drafts")).drafts ?? [];
  }

  async attachment(messageId: string, attachmentId: string): Promise<Buffer> {
    const body = await this.get<{ data: string }>(`messages/${messageId}/attachments/${attachmentId}`);
    return Buffer.from(body.data, "base64url");
  }

  /** Waits until a search finds exactly `count` messages (mail between emulator users arrives asynchronously). */
  async waitFor(q: string, count = 1): Promise<string[]> {
    let found: string[] = [];
    await expect
      .poll(async () => (found = await this.search(q)).length, { timeout: 30_000, message: `messages matching ${q}` })
      .toBe(count);
    return found;
  }
}

export function header(message: GmailMessage, name: string): string | undefined {
  return message.payload?.headers?.find((item) => item.name.toLowerCase() === name.toLowerCase())?.value;
}

/** Every part of the message, depth first. */
export function allParts(part: GmailPart | undefined): GmailPart[] {
  if (!part) return [];
  return [part, ...(part.parts ?? []).flatMap(allParts)];
}

export function partText(part: GmailPart | undefined): string {
  return Buffer.from(part?.body?.data ?? "", "base64url").toString("utf8");
}

/** The composer, open and ready for typing (its editor hydrated). */
export async function openComposer(page: Page): Promise<Locator> {
  const composer = page.getByTestId("composer");
  // A click before the page has hydrated does nothing: clicked again until the composer shows.
  await expect(async () => {
    if (!(await composer.isVisible())) await page.getByTestId("compose").click();
    await expect(composer.getByTestId("compose-body")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  return composer;
}

/** Types addresses into a recipient field, each committed as a person does (Enter). */
export async function addRecipients(
  composer: Locator,
  testId: "compose-to" | "compose-cc" | "compose-bcc",
  addresses: string[],
): Promise<void> {
  const field = composer.getByTestId(testId);
  for (const address of addresses) {
    await field.fill(address);
    await field.press("Enter");
  }
}

/** Writes a whole message: recipients, subject, body text. */
export async function writeMessage(composer: Locator, message: { to: string[]; subject: string; body: string }): Promise<void> {
  await addRecipients(composer, "compose-to", message.to);
  await composer.getByTestId("compose-subject").fill(message.subject);
  await composer.getByTestId("compose-body").click();
  await composer.getByTestId("compose-body").pressSequentially(message.body);
}

/** Sends, and waits for the Undo toast that says the server holds it for the undo window. */
export async function sendAndWaitForToast(page: Page, composer: Locator): Promise<void> {
  await composer.getByTestId("compose-send").click();
  await expect(page.getByTestId("undo-send")).toBeVisible();
  await expect(composer).toBeHidden();
}

/**
 * Grace wrote to ada (with `cc` in Cc, if given) about `subject`: a conversation of its own for each test, its
 * Message-ID unique, so replies and forwards in one worker never meet another test's.
 */
export async function graceWroteToAda(
  emulator: Emulator,
  { subject, cc }: { subject: string; cc?: string },
): Promise<{ id: string; threadId: string; messageId: string }> {
  const messageId = `<${randomBytes(4).toString("hex")}@grace.example.com>`;
  const raw = [
    "From: Grace Hopper <grace@example.com>",
    "To: Ada Lovelace <ada@example.com>",
    ...(cc ? [`Cc: ${cc}`] : []),
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    "Date: Tue, 03 Mar 2026 10:15:00 +0000",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Shall we meet at noon?",
  ].join("\r\n");
  const created = (await emulator.control("POST", "messages", { email: "ada@example.com", raw, labelIds: ["INBOX"] })) as {
    id: string;
    threadId: string;
  };
  return { ...created, messageId };
}
