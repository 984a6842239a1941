// Sending through the emulator as a test or the bench sees it: a draft made the way any Gmail client makes
// one (drafts.create over HTTP), and what arrived where, read from the emulator's control API (every mailbox,
// SENT and drafts included), never from Mailroom.
import { randomBytes } from "node:crypto";
import { control } from "./emulator-client";

async function gmail<T>(
  emulatorUrl: string,
  accessToken: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulatorUrl}/gmail/v1/users/me/${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A draft in the sender's mailbox (drafts.create with a plain RFC 2822 message); a unique subject by default. */
export async function createDraft(
  emulatorUrl: string,
  accessToken: string,
  options: { to?: string; subject?: string; body?: string } = {},
): Promise<{ draftId: string; subject: string }> {
  const subject = options.subject ?? `Send test ${randomBytes(4).toString("hex")}`;
  const lines = [
    ...(options.to ? [`To: ${options.to}`] : []),
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
  ];
  const raw = Buffer.from(`${lines.join("\r\n")}\r\n\r\n${options.body ?? "Hello from the send tests."}\r\n`).toString("base64url");
  const created = await gmail<{ id: string }>(emulatorUrl, accessToken, "POST", "drafts", { message: { raw } });
  if (created.status !== 200) throw new Error(`drafts.create → ${created.status}`);
  return { draftId: created.body.id, subject };
}

/** Whether the draft is still in the mailbox (drafts.get answers 200). */
export async function draftExists(emulatorUrl: string, accessToken: string, draftId: string): Promise<boolean> {
  const answer = await gmail(emulatorUrl, accessToken, "GET", `drafts/${draftId}?format=minimal`);
  return answer.status === 200;
}

/** Deletes a draft (drafts.delete), as the user might in Gmail while the send waits. */
export async function deleteDraft(emulatorUrl: string, accessToken: string, draftId: string): Promise<void> {
  await gmail(emulatorUrl, accessToken, "DELETE", `drafts/${draftId}`);
}

type StoredMessage = { id: string; threadId: string; labelIds: string[]; raw: string };

/** The messages in `email`'s mailbox carrying `label` whose raw text has this subject. */
export async function copiesOf(emulatorUrl: string, email: string, label: "SENT" | "INBOX", subject: string): Promise<StoredMessage[]> {
  const query = new URLSearchParams({ email, labelIds: label });
  const { messages } = await control<{ messages: StoredMessage[] }>(emulatorUrl, "GET", `messages?${query.toString()}`);
  return messages.filter((message) => Buffer.from(message.raw, "base64url").toString("utf8").includes(`Subject: ${subject}`));
}
