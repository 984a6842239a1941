import { Mailbox } from "./gmail/mailbox";
import { buildMessageContent, type MessageContent } from "./gmail/message-content";
import { DEV_CALLBACK_PATH, DEV_CLIENT_ID, DEV_CLIENT_SECRET } from "./oauth/clients";
import { ADA, EMPTY, GRACE } from "./seed/accounts";
import {
  ATTACHMENT_FILES,
  HEBREW_BODY,
  LATIN1_BODY,
  REMOTE_IMAGE_URL,
  type SpecialKey,
  THREAD_LENGTH,
  THREAD_SUBJECT,
} from "./seed/ada-specials";
import { type AdaSlotInfo, buildAdaMailbox, buildEmptyMailbox, buildGraceMailbox } from "./seed/mailboxes";
import type { SeedMailbox, SeedMessage } from "./seed/types";
import { UserDirectory } from "./users";

/** Built once per process: the seed is deterministic, so every start and every reset gets the same bytes. */
const ada = buildAdaMailbox();
const SEED_MAILBOXES: readonly SeedMailbox[] = [ada.mailbox, buildGraceMailbox(), buildEmptyMailbox()];

/** Parsed message content is immutable, so resets reuse it instead of parsing 270 messages again. */
const contentCache = new WeakMap<SeedMessage, MessageContent>();

/**
 * A fresh directory with the seeded accounts and mailboxes (start-up and `POST /__emulator/reset`). After a reset,
 * each mailbox's history ids go on from where the `previous` one stood, as Gmail's never go backwards: a client
 * still holding a position from before the reset must never find it again as a point of the new history (it
 * would read "nothing changed since" and keep showing the old mailbox); its position is then too old, a 404.
 */
export function seedDirectory(previous?: UserDirectory): UserDirectory {
  const directory = new UserDirectory();
  for (const seed of SEED_MAILBOXES) {
    const before = previous?.mailbox(seed.account.email)?.history.currentId ?? 0;
    const mailbox = new Mailbox(seed.account.email, Math.max(seed.historyStart, before + 1));
    for (const label of seed.userLabels) mailbox.addUserLabel(label.name, label.color);
    for (const message of seed.messages) {
      let content = contentCache.get(message);
      if (!content) {
        content = buildMessageContent(message.raw, message.id);
        contentCache.set(message, content);
      }
      mailbox.insert({ id: message.id, content, internalDate: message.internalDate, labelIds: message.labelIds, recordHistory: false });
    }
    mailbox.history.truncate();
    directory.add({ ...seed.account }, mailbox);
  }
  return directory;
}

function countLabel(messages: readonly SeedMessage[], label: string): number {
  return messages.filter((m) => m.labelIds.includes(label)).length;
}

function special(key: SpecialKey): AdaSlotInfo & { threadId: string } {
  const info = ada.slots.find((s) => s.special === key);
  if (!info) throw new Error(`seed is missing the ${key} message`);
  return { ...info, threadId: info.id };
}

const adaMessages = ada.mailbox.messages;
const threadSlots = ada.slots.filter((s) => s.threadIndex !== undefined).sort((a, b) => (a.threadIndex ?? 0) - (b.threadIndex ?? 0));
const threadRoot = threadSlots[0];
const attachmentsMessage = special("attachments");
const spamOrTrash = adaMessages.filter((m) => m.labelIds.includes("SPAM") || m.labelIds.includes("TRASH")).length;
const labelIdsInUse = [...new Set(adaMessages.flatMap((m) => m.labelIds))].sort();
const graceMessages = SEED_MAILBOXES[1]?.messages ?? [];

/**
 * Ids, subjects and exact counts of the seed, for tests in any folder: nothing else needs hard-coded
 * strings. Every value is derived from the seed itself.
 */
export const SEED_FIXTURES = {
  client: { clientId: DEV_CLIENT_ID, clientSecret: DEV_CLIENT_SECRET, redirectPath: DEV_CALLBACK_PATH },
  accounts: {
    ada: { email: ADA.email, name: ADA.name, sub: ADA.sub },
    grace: { email: GRACE.email, name: GRACE.name, sub: GRACE.sub },
    empty: { email: EMPTY.email, name: EMPTY.name, sub: EMPTY.sub },
  },
  remoteImageUrl: REMOTE_IMAGE_URL,
  ada: {
    messagesTotal: adaMessages.length,
    threadsTotal: adaMessages.length - (THREAD_LENGTH - 1),
    /** Messages outside SPAM and TRASH: what messages.list returns without includeSpamTrash. */
    visibleTotal: adaMessages.length - spamOrTrash,
    inbox: countLabel(adaMessages, "INBOX"),
    inboxUnread: adaMessages.filter((m) => m.labelIds.includes("INBOX") && m.labelIds.includes("UNREAD")).length,
    unread: countLabel(adaMessages, "UNREAD"),
    starred: countLabel(adaMessages, "STARRED"),
    important: countLabel(adaMessages, "IMPORTANT"),
    sent: countLabel(adaMessages, "SENT"),
    spam: countLabel(adaMessages, "SPAM"),
    trash: countLabel(adaMessages, "TRASH"),
    /** Message count per label id (system and user labels). */
    labelCounts: Object.fromEntries(labelIdsInUse.map((l) => [l, countLabel(adaMessages, l)])) as Record<string, number>,
    labels: { work: "Label_1", workClients: "Label_2", receipts: "Label_3", travel: "Label_4" },
    labelNames: { Label_1: "Work", Label_2: "Work/Clients", Label_3: "Receipts", Label_4: "Travel" } as Record<string, string>,
    newestInternalDate: Math.max(...adaMessages.map((m) => m.internalDate)),
    oldestInternalDate: Math.min(...adaMessages.map((m) => m.internalDate)),
    special: {
      htmlWithScript: { ...special("htmlWithScript"), remoteImageUrl: REMOTE_IMAGE_URL },
      attachments: {
        ...attachmentsMessage,
        files: ATTACHMENT_FILES.map((f) => ({ filename: f.filename, mimeType: f.mimeType, size: f.data.length })),
      },
      hebrew: { ...special("hebrew"), body: HEBREW_BODY, charset: "windows-1255" },
      emoji: special("emoji"),
      emptySubject: special("emptySubject"),
      latin1: { ...special("latin1"), body: LATIN1_BODY, charset: "ISO-8859-1" },
    },
    thread: {
      id: threadRoot?.id ?? "",
      subject: THREAD_SUBJECT,
      length: THREAD_LENGTH,
      /** Oldest first, as threads.get returns them. */
      messageIds: threadSlots.map((s) => s.id),
    },
  },
  grace: {
    messagesTotal: graceMessages.length,
    inbox: countLabel(graceMessages, "INBOX"),
    unread: countLabel(graceMessages, "UNREAD"),
  },
  empty: { messagesTotal: 0 },
} as const;
