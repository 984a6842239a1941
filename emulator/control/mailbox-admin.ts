import { Mailbox } from "../gmail/mailbox";
import type { SendAsAlias } from "../gmail/send-as-store";
import { buildMessageContent, rawMessageBytes } from "../gmail/message-content";
import { subFor } from "../gmail/ids";
import { SEED_ANCHOR } from "../seed/accounts";
import { fillerMessage } from "../seed/filler";
import { splitName, type UserDirectory } from "../users";

export interface RawMessageInput {
  raw: string;
  labelIds?: string[] | undefined;
  internalDate?: number | undefined;
}

/** Inserts an RFC 2822 message the way Gmail receives one: parsed once, threaded, recorded in history. */
export function insertRawMessage(mailbox: Mailbox, input: RawMessageInput): { id: string; threadId: string } | string {
  const labelIds = input.labelIds ?? ["INBOX", "UNREAD"];
  const unknown = labelIds.find((l) => !mailbox.hasLabel(l));
  if (unknown !== undefined) return `Invalid label: ${unknown}`;
  const bytes = rawMessageBytes(input.raw);
  const message = mailbox.insert({
    content: (id) => buildMessageContent(bytes, id),
    internalDate: input.internalDate ?? Date.now(),
    labelIds,
    idSalt: `${mailbox.email}:inserted:${mailbox.messageCount}`,
    recordHistory: true,
  });
  return { id: message.id, threadId: message.threadId };
}

export interface NewUserInput {
  email: string;
  name?: string | undefined;
  messages?: number | RawMessageInput[] | undefined;
  seed?: number | undefined;
  sendAs?: SendAsAlias[] | undefined;
}

/** Adds an account with a mailbox: empty, N generated everyday messages (seeded), or the given raw ones. */
export function addUser(
  users: UserDirectory,
  input: NewUserInput,
): { email: string; name: string; sub: string; messagesTotal: number } | string {
  if (users.find(input.email)) return `User already exists: ${input.email}`;
  const name = input.name ?? input.email.split("@")[0] ?? input.email;
  const account = { email: input.email, name, ...splitName(name), sub: subFor(input.email) };
  const mailbox = new Mailbox(input.email, 20_000);
  if (typeof input.messages === "number") {
    const seed = input.seed ?? Number(account.sub.slice(-6));
    for (let slot = input.messages - 1; slot >= 0; slot--) {
      const internalDate = SEED_ANCHOR - slot * 5 * 3_600_000 - (seed % 3_600_000);
      const filler = fillerMessage({ name, email: input.email }, seed, slot, internalDate, true, 0.2);
      const labelIds = filler.labelIds.filter((l) => mailbox.hasLabel(l));
      mailbox.insert({
        content: (id) => buildMessageContent(filler.raw, id),
        internalDate,
        labelIds,
        idSalt: `${input.email}:${slot}`,
        recordHistory: false,
      });
    }
  } else {
    for (const message of input.messages ?? []) {
      const inserted = insertRawMessage(mailbox, message);
      if (typeof inserted === "string") return inserted;
    }
  }
  for (const alias of input.sendAs ?? []) mailbox.sendAs.put(alias);
  mailbox.history.truncate();
  users.add(account, mailbox);
  return { email: account.email, name, sub: account.sub, messagesTotal: mailbox.messageCount };
}
