"use client";
// The list as it stands now: the server's rows, then every change Gmail reported since on the page's live
// stream (new mail at the top, read, starred or archived elsewhere). The stream starts at the page's own
// position, so mail that arrived while the page was on its way is among those changes. A fresh server list
// (navigation, router.refresh) replaces them all, since it already includes those changes.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { applyAccountChange } from "./account-change";
import { announcementOf, arrivalsOf } from "./arrivals";
import { type ConversationRow, rowKey } from "./rows";
import { type MailboxEventsState, useMailboxEvents } from "../../../_components/use-mailbox-events";

type Options = {
  /** The account the list reads; null in All accounts, whose one stream follows every account. */
  account: string | null;
  label: string;
  /** The list's own address: a fresh server list of the same address is the same view, refreshed. */
  view: string;
  /** Where the page's rows stand (its list's history id; in All accounts, each account's): the stream starts there. */
  since: string | undefined;
  /** New conversations join only the first page of a label without a search, where they belong at the top. */
  insertNew: boolean;
};

/**
 * The rows to show, the stream's state ("live" once changes flow), which the list exposes as `data-live`, and
 * what to announce of the latest new mail.
 */
export function useLiveRows(
  serverRows: ConversationRow[],
  { account, label, view, since, insertNew }: Options,
): { rows: ConversationRow[]; state: MailboxEventsState; announcement: string } {
  const router = useRouter();
  const t = useTranslations("list");
  const [live, setLive] = useState({ from: serverRows, rows: serverRows });
  const [announcement, setAnnouncement] = useState("");
  // Every conversation this page has shown: one coming back (an Undo, a fresh list) is not news.
  const seen = useRef(new Set<string>());
  let current = live;
  if (live.from !== serverRows) {
    current = { from: serverRows, rows: serverRows };
    setLive(current);
  }
  const shown = useRef(current.rows);
  const shownView = useRef<string | null>(null);
  useEffect(() => {
    // The same view refreshed (after the person's own action, or a resync) may bring mail that arrived in the
    // meantime, which the stream then never reports: that is news as much as a streamed arrival.
    if (shownView.current === view) {
      const arrivals = arrivalsOf(current.rows, seen.current, (row) => row.account ?? account);
      if (arrivals.length > 0) setAnnouncement(announcementOf(t, arrivals));
    }
    shownView.current = view;
    shown.current = current.rows;
    for (const row of current.rows) seen.current.add(rowKey(row));
  }, [current.rows, view, account, t]);
  const state = useMailboxEvents({
    account: account ?? "all",
    label,
    since,
    onChange: (change, changed) => {
      const next = applyAccountChange(shown.current, change, account === null ? changed : undefined, { insertNew });
      const arrivals = arrivalsOf(next, seen.current, (row) => row.account ?? account ?? changed);
      for (const row of next) seen.current.add(rowKey(row));
      if (arrivals.length > 0) setAnnouncement(announcementOf(t, arrivals));
      setLive((now) => ({
        from: now.from,
        rows: applyAccountChange(now.rows, change, account === null ? changed : undefined, { insertNew }),
      }));
    },
    // The stream could not say exactly what changed (too much, history Gmail no longer keeps, an account that
    // cannot be read any more): fetch again.
    onResync: () => router.refresh(),
  });
  return { rows: current.rows, state, announcement };
}
