// The shape of a conversation in a list, shared by the threads API, the inbox and the All accounts view.
// Pure types: the browser's components import them too.
import type { Mailbox } from "../mime/mailbox-address";

export type ThreadSummary = {
  id: string;
  /** Messages in the conversation (Gmail's threads.get). */
  messageCount: number;
  /** The sender of the latest message. */
  from: Mailbox;
  /** Every distinct sender, oldest first, for a "Ada, Grace (3)" row. */
  participants: Mailbox[];
  /** The first message's decoded subject; "" when it has none. */
  subject: string;
  /** ISO 8601 of the latest message, or null when unusable. */
  date: string | null;
  /** The latest message's plain-text snippet. */
  snippet: string;
  /** Any message is unread / starred (Gmail's thread labels are the union of its messages'). */
  unread: boolean;
  starred: boolean;
  labelIds: string[];
  latestMessageId: string;
  /**
   * Some message carries files: its top part is multipart/mixed, as Gmail's metadata format says at no extra
   * cost. Absent in summaries kept from before it was known.
   */
  hasAttachment?: boolean;
};

export type ThreadPage = { threads: ThreadSummary[]; nextPageToken?: string; resultSizeEstimate: number };
