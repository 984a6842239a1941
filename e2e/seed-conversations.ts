// Conversation-level counts of Ada's seed, derived from the seed itself: every message is its own
// conversation except the long thread's, which are one. Gmail lists a conversation under a label when any
// of its messages carries it, and leaves Spam and Trash out unless asked for them.
import { SEED_FIXTURES } from "../emulator/seed";
import { buildAdaMailbox } from "../emulator/seed/mailboxes";

const longThread = new Set<string>(SEED_FIXTURES.ada.thread.messageIds);
const messages = buildAdaMailbox().mailbox.messages;

/** How many of Ada's conversations have a message (outside Spam and Trash) carrying all of `labels`. */
export function adaConversationsWith(...labels: string[]): number {
  const matching = messages.filter(
    (message) =>
      !message.labelIds.includes("SPAM") &&
      !message.labelIds.includes("TRASH") &&
      labels.every((label) => message.labelIds.includes(label)),
  );
  const inThread = matching.filter((message) => longThread.has(message.id)).length;
  return matching.length - inThread + (inThread > 0 ? 1 : 0);
}
