// The open conversation as the list would show it: what the actions (rows.ts) change and undo. Pure.
import type { ConversationRow } from "../conversation-list/rows";
import { GmailLabel } from "@/lib/gmail/labels";
import type { MessageDetail } from "@/lib/mail/get-message";

type Thread = { id: string; subject: string; labelIds: string[] };

/** `shown` are the messages the page shows (oldest first); `account` names the mailbox it was read from. */
export function conversationRowOf(thread: Thread, shown: readonly MessageDetail[], account: string): ConversationRow {
  const latest = shown.at(-1);
  const senders = new Map(shown.map((message) => [message.from.email ?? message.from.name ?? "", message.from]));
  return {
    id: thread.id,
    account,
    messageCount: shown.length,
    from: latest?.from ?? { name: null, email: null },
    participants: [...senders.values()],
    subject: thread.subject,
    date: latest?.date ?? null,
    snippet: latest?.snippet ?? "",
    unread: thread.labelIds.includes(GmailLabel.UNREAD),
    starred: thread.labelIds.includes(GmailLabel.STARRED),
    labelIds: thread.labelIds,
    latestMessageId: latest?.id ?? thread.id,
  };
}
