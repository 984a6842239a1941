import type { Account, UserDirectory } from "../users";
import type { Address } from "./addresses";
import type { Mailbox, StoredMessage } from "./mailbox";
import { buildMessageContent } from "./message-content";
import { joinRawMessage, type RawHeaders, withFieldFirst, withoutFields } from "./raw-headers";
import { threadForArrivingMessage, threadingKeys } from "./threading";

/**
 * Mail between emulator users: each other user named in To/Cc/Bcc (by primary address or accepted alias)
 * gets one copy in INBOX, UNREAD, threaded by its references and subject in that mailbox, recorded in its
 * history (so its push watch fires). Bcc is removed from every delivered copy, the Bcc recipient's included.
 * Anyone else is outside the emulator: the message only stays in the sender's SENT.
 */
export function deliverToUsers(users: UserDirectory, sender: Account, sent: RawHeaders, recipients: readonly Address[]): StoredMessage[] {
  const targets = new Map<string, { account: Account; mailbox: Mailbox }>();
  for (const recipient of recipients) {
    const found = findRecipient(users, recipient.email);
    if (!found || found.account.email.toLowerCase() === sender.email.toLowerCase()) continue;
    targets.set(found.account.email.toLowerCase(), found);
  }
  const withoutBcc = withoutFields(sent, "Bcc");
  const delivered: StoredMessage[] = [];
  for (const { account, mailbox } of targets.values()) {
    const copy = withFieldFirst(withoutBcc, "Delivered-To", account.email);
    const bytes = joinRawMessage(copy);
    delivered.push(
      mailbox.insert({
        content: (id) => buildMessageContent(bytes, id, true),
        internalDate: Date.now(),
        labelIds: ["INBOX", "UNREAD"],
        idSalt: `${mailbox.email}:delivered:${mailbox.messageCount}`,
        recordHistory: true,
        threadId: threadForArrivingMessage(mailbox, threadingKeys(copy)),
      }),
    );
  }
  return delivered;
}

function findRecipient(users: UserDirectory, email: string): { account: Account; mailbox: Mailbox } | undefined {
  for (const account of users.list()) {
    const mailbox = users.mailbox(account.email);
    if (!mailbox) continue;
    if (account.email.toLowerCase() === email) return { account, mailbox };
    if (mailbox.sendAs.find(email)?.verificationStatus === "accepted") return { account, mailbox };
  }
  return undefined;
}
