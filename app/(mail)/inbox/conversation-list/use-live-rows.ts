"use client";
// The list as it stands now: the server's rows, then every change Gmail reported since on the page's live
// stream (new mail at the top, read, starred or archived elsewhere). A fresh server list (navigation,
// router.refresh) replaces them all, since it already includes those changes.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ConversationRow } from "./rows";
import { type MailboxEventsState, applyThreadListChange, useMailboxEvents } from "../../../_components/use-mailbox-events";

type Options = {
  /** The account the list reads; null in All accounts, which has no single stream. */
  account: string | null;
  label: string;
  /** New conversations join only the first page of a label without a search, where they belong at the top. */
  insertNew: boolean;
};

/** The rows to show, and the stream's state ("live" once changes flow), which the list exposes as `data-live`. */
export function useLiveRows(
  serverRows: ConversationRow[],
  { account, label, insertNew }: Options,
): { rows: ConversationRow[]; state: MailboxEventsState } {
  const router = useRouter();
  const [live, setLive] = useState({ from: serverRows, rows: serverRows });
  let current = live;
  if (live.from !== serverRows) {
    current = { from: serverRows, rows: serverRows };
    setLive(current);
  }
  const state = useMailboxEvents({
    account: account || undefined,
    label,
    enabled: account !== null,
    onChange: (change) => setLive((now) => ({ from: now.from, rows: applyThreadListChange(now.rows, change, { insertNew }) })),
    // The stream could not say exactly what changed (too much, or history Gmail no longer keeps): fetch again.
    onResync: () => router.refresh(),
  });
  return { rows: current.rows, state };
}
