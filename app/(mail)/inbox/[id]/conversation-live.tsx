"use client";
// An open conversation stays current: when the mailbox's stream says this conversation has a newer message
// (a reply arriving, one sent from another client), the page's data is read again, without a reload.
import { useRouter } from "next/navigation";
import { useMailboxEvents } from "@/app/_components/use-mailbox-events";
import { ALL_MAIL } from "@/lib/gmail/labels";

type Props = {
  /** The conversation's account, when the page names one (otherwise the default account). */
  account: string | null;
  threadId: string;
  /** The newest message shown: a change naming another one means there is more to show. */
  latestMessageId: string;
};

export function ConversationLive({ account, threadId, latestMessageId }: Props) {
  const router = useRouter();
  const state = useMailboxEvents({
    account: account ?? undefined,
    // Every message of a conversation is in All mail, whichever labels it also has.
    label: ALL_MAIL,
    onChange: ({ upserts }) => {
      const changed = upserts.find((thread) => thread.id === threadId);
      if (changed && changed.latestMessageId !== latestMessageId) router.refresh();
    },
    onResync: () => router.refresh(),
  });
  return <span hidden data-testid="conversation-live" data-live={state} />;
}
