/** What the conversation page knows when it shows a conversation, for whatever reacts to it being opened. */
export type ConversationOpenedProps = {
  /** The account the conversation belongs to, when the page names one (otherwise the default account). */
  account: string | null;
  threadId: string;
  /** The shown messages that are unread, oldest first; empty when the conversation is already read. */
  unreadMessageIds: string[];
};

/**
 * The seam for "opening an unread conversation marks it read when the scope allows" (design.md, Acting on
 * mail). The conversation page renders it once per view; it shows nothing, and the mark-read action is
 * connected here, so the page itself stays a pure read.
 */
export function ConversationOpened(_props: ConversationOpenedProps): null {
  return null;
}
