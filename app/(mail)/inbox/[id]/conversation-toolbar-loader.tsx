import { ConversationToolbar, type ConversationToolbarProps } from "./conversation-toolbar";
import type { Account } from "@/lib/accounts/linked-accounts";
import { listUserLabels } from "@/lib/gmail/list-labels";
import { cachedNeighbours } from "@/lib/sync/page-neighbours";

type Props = Omit<ConversationToolbarProps, "userLabels" | "previousHref" | "nextHref" | "position"> & {
  account: Account;
  userId: string;
  /** This page's URL for another conversation of the same list. */
  hrefOf: (threadId: string) => string;
};

/**
 * The toolbar with what it needs beyond the conversation: the account's labels for "Label as" (kept for a
 * minute, and already read by the list the reader came from) and the conversation's neighbours in that list
 * (from this instance's page cache, never from Gmail).
 */
export async function ConversationToolbarLoader({ account, userId, hrefOf, ...props }: Props) {
  const labels = await listUserLabels(account).catch(() => []);
  const neighbours = account.email
    ? cachedNeighbours({ userId, accountId: account.id, email: account.email, threadId: props.row.id, back: props.backHref })
    : null;
  return (
    <ConversationToolbar
      {...props}
      userLabels={labels.map(({ id, name }) => ({ id, name }))}
      {...(neighbours?.previous ? { previousHref: hrefOf(neighbours.previous) } : {})}
      {...(neighbours?.next ? { nextHref: hrefOf(neighbours.next) } : {})}
      {...(neighbours ? { position: { index: neighbours.position, total: neighbours.total } } : {})}
    />
  );
}
