"use client";
// Opening an unread conversation marks it read when the account's grant allows it, as Gmail does. In the browser, after the page is shown, so a prefetch or a crawler never marks anything read; the
// page stays a pure read. Only the shown unread messages are marked (not a reply sitting in Trash), and
// only when the account granted gmail.modify: a read-only account is never sent to Google's consent for this.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export type ConversationOpenedProps = {
  /** The account the conversation belongs to, when the page names one (otherwise the default account). */
  account: string | null;
  threadId: string;
  /** The shown messages that are unread, oldest first; empty when the conversation is already read. */
  unreadMessageIds: string[];
  /** The account granted gmail.modify. */
  canModify: boolean;
};

export function ConversationOpened({ account, threadId, unreadMessageIds, canModify }: ConversationOpenedProps): null {
  const router = useRouter();
  const sentFor = useRef<string | null>(null);
  const ids = unreadMessageIds.join(",");
  useEffect(() => {
    if (!canModify || ids === "" || sentFor.current === `${threadId}:${ids}`) return;
    sentFor.current = `${threadId}:${ids}`;
    void fetch("/api/actions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...(account ? { account } : {}), action: "markRead", messageIds: ids.split(",") }),
    })
      // The inbox the reader goes back to must show the conversation read: drop the router's cached copy.
      .then((response) => (response.ok ? router.refresh() : undefined))
      // Marking read is a courtesy: a failure leaves the conversation unread, which the inbox then shows.
      .catch(() => undefined);
  }, [account, threadId, ids, canModify, router]);
  return null;
}
