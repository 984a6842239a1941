// The open conversation as the list would show it: what the actions (rows.ts) change and undo. Pure.
import type { ConversationRow } from "../conversation-list/rows";
import { GmailLabel } from "@/lib/gmail/labels";
import type { MessageDetail } from "@/lib/mail/get-message";

type Thread = { id: string; subject: string; labelIds: string[] };

/**
 * `shown` are the messages the page shows (oldest first); `account` names the mailbox it was read from.
 * `readOnOpen`: the page marks its unread messages read as it opens (ConversationOpened) and no other message of
 * the conversation is unread, so the row is the conversation as it is a moment later: an action taken at once
 * (Mark unread just after opening) acts on the read conversation, not on the state before the page marked it.
 */
export function conversationRowOf(thread: Thread, shown: readonly MessageDetail[], account: string, readOnOpen = false): ConversationRow {
  const latest = shown.at(-1);
  const labelIds = readOnOpen ? thread.labelIds.filter((label) => label !== GmailLabel.UNREAD) : thread.labelIds;
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
    unread: labelIds.includes(GmailLabel.UNREAD),
    starred: labelIds.includes(GmailLabel.STARRED),
    labelIds,
    latestMessageId: latest?.id ?? thread.id,
  };
}
