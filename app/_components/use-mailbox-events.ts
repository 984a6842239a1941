"use client";
// The live inbox (docs/architecture.md, "Sync"): keeps a list of conversations current while it is on screen.
//
//   const state = useMailboxEvents({
//     account,                  // the list's account address; undefined: the user's default account
//     label: "INBOX",           // the list's label; decides what joins and what leaves the list
//     onChange: ({ upserts, removals }) => setThreads((list) => applyThreadListChange(list, { upserts, removals }, { insertNew })),
//     onResync: () => router.refresh(),   // too much changed, or the position is too old: reload the page's data
//   });
//
// `upserts` are conversations that belong in the list as they stand now (new ones and changed ones);
// `removals` are conversation ids to take out (archived, trashed, deleted, or moved off the label elsewhere).
// Changes arrive at most once per list, in order; after a dropped connection the stream resumes where it was.
import { useEffect, useRef, useState } from "react";
import type { EndReason } from "@/lib/sync/stream-events";
import { type ConnectionState, MailboxEventsConnection } from "./mailbox-events-connection";
import { type ThreadListChange, listChangeOf } from "./thread-list-change";

export type { ThreadListChange } from "./thread-list-change";
export { applyThreadListChange } from "./thread-list-change";
export type MailboxEventsState = ConnectionState;

export type MailboxEventsOptions = {
  /** The account whose mailbox the list shows (an address, or "all" for every account); undefined: the default account. */
  account?: string | undefined;
  /** Where the list on screen stands (its page's position): the stream starts there, so nothing arriving meanwhile is lost. */
  since?: string | undefined;
  /** The list's label id (INBOX, STARRED, ALL, Label_…); default INBOX. */
  label?: string;
  /** False pauses the stream (for example on a view that has no live updates). Default true. */
  enabled?: boolean;
  /** `account`: the address of the mailbox that changed (All accounts' stream carries several). */
  onChange: (change: ThreadListChange, account: string) => void;
  /** The list cannot be patched any more: reload it. */
  onResync?: () => void;
  /** The stream ended for good: signed out, or the account needs re-authorization. */
  onEnd?: (reason: EndReason) => void;
};

/** Streams the mailbox's changes to `onChange`; returns the connection's state. */
export function useMailboxEvents(options: MailboxEventsOptions): MailboxEventsState {
  const { account, label = "INBOX", enabled = true } = options;
  const [state, setState] = useState<MailboxEventsState>("connecting");
  // The latest callbacks, without reconnecting when a parent passes new functions on each render.
  const handlers = useRef(options);
  useEffect(() => {
    handlers.current = options;
  });

  useEffect(() => {
    if (!enabled) return;
    const query = new URLSearchParams({ label });
    if (account) query.set("account", account);
    const connection = new MailboxEventsConnection(
      `/api/events?${query}`,
      {
        change: (event) => {
          const change = listChangeOf(event, label);
          if (change.upserts.length > 0 || change.removals.length > 0) handlers.current.onChange(change, event.account);
        },
        resync: () => handlers.current.onResync?.(),
        end: (reason) => handlers.current.onEnd?.(reason),
        state: setState,
      },
      undefined,
      // The position of the list first rendered; a later stream resumes from its own last event instead.
      handlers.current.since ?? null,
    );
    connection.start();
    return () => connection.stop();
  }, [account, label, enabled]);

  return state;
}
