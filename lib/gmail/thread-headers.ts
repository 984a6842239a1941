import "server-only";
// A conversation's row, from threads.get (format=metadata or full): who wrote, what about, when, and whether
// any of it is unread or starred. Like message-headers, it never throws on odd input: one strange thread must
// not break a page.
import type { gmail_v1 } from "@googleapis/gmail";
import type { Mailbox } from "../mime/mailbox-address";
import { type MessageSummary, summarizeMessage } from "../mime/message-headers";
import type { ThreadSummary } from "../mail/thread-summary";

import { visibleMessages } from "./labels";

type SummaryOptions = {
  /** The label being listed ("ALL" for all mail); decides whether trashed and spam messages count. */
  label?: string;
};

function internalDateOf(message: gmail_v1.Schema$Message): number {
  const value = Number(message.internalDate);
  return Number.isFinite(value) ? value : 0;
}

/** Oldest first by Gmail's own arrival time; equal times keep Gmail's order. */
export function chronological<T extends gmail_v1.Schema$Message>(messages: readonly T[]): T[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => internalDateOf(a.message) - internalDateOf(b.message) || a.index - b.index)
    .map(({ message }) => message);
}

function sameSender(a: Mailbox, b: Mailbox): boolean {
  if (a.email && b.email) return a.email.toLowerCase() === b.email.toLowerCase();
  return !a.email && !b.email && a.name === b.name;
}

/** Every distinct sender, in the order they first wrote. */
function participantsOf(summaries: readonly MessageSummary[]): Mailbox[] {
  const participants: Mailbox[] = [];
  for (const { from } of summaries) {
    if (from.email === null && from.name === null) continue;
    if (!participants.some((known) => sameSender(known, from))) participants.push(from);
  }
  return participants;
}

/** The conversation's row; null for a thread Gmail returned without any message (nothing to show). */
export function summarizeThread(thread: gmail_v1.Schema$Thread, options: SummaryOptions = {}): ThreadSummary | null {
  const messages = visibleMessages(chronological(thread.messages ?? []), options.label);
  const summaries = messages.map(summarizeMessage);
  const first = summaries[0];
  const latest = summaries[summaries.length - 1];
  if (!first || !latest) return null;
  const labelIds = [...new Set(summaries.flatMap((summary) => summary.labelIds))];
  return {
    id: thread.id ?? first.threadId,
    messageCount: summaries.length,
    from: latest.from,
    participants: participantsOf(summaries),
    // Replies say "Re: ..."; the conversation is named by its first message, as Gmail names it.
    subject: first.subject,
    date: latest.date,
    snippet: latest.snippet,
    unread: labelIds.includes("UNREAD"),
    starred: labelIds.includes("STARRED"),
    labelIds,
    latestMessageId: latest.id,
    hasAttachment: messages.some((message) => message.payload?.mimeType?.toLowerCase() === "multipart/mixed"),
  };
}
