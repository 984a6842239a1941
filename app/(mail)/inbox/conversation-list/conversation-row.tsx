"use client";

import Link from "next/link";
import { LocalTime } from "../../../_components/local-time";
import { participantsText } from "./participants";
import type { ConversationRow } from "./rows";
import type { PrefetchState } from "../prefetch/prefetch-queue";

type Props = {
  row: ConversationRow;
  rowKey: string;
  href: string;
  /** The account whose messages are "me" (the row's own in All accounts). */
  me: string | null;
  showAccount: boolean;
  selected: boolean;
  /** The row the keys and the toolbar act on when nothing is selected. */
  current: boolean;
  onSelect: (selected: boolean) => void;
  onFocus: () => void;
  /** How far the conversation's prefetch is (`data-prefetch`); the list prefetches on intent, not on sight. */
  prefetch?: PrefetchState | undefined;
};

export function ConversationRowItem({ row, rowKey, href, me, showAccount, selected, current, onSelect, onFocus, prefetch }: Props) {
  const who = participantsText(row, me);
  const subject = row.subject || "(no subject)";
  const classes = ["message-row", row.unread && "unread", selected && "selected", current && "current"].filter(Boolean).join(" ");
  return (
    <li
      className={classes}
      data-testid="message-row"
      data-thread-id={row.id}
      data-message-id={row.latestMessageId}
      data-account={showAccount ? row.account : undefined}
      data-row-key={rowKey}
      data-prefetch={prefetch}
      onFocus={onFocus}
    >
      <label className="row-check">
        <input type="checkbox" data-testid="row-select" checked={selected} onChange={(event) => onSelect(event.target.checked)} />
        <span className="visually-hidden">
          Select the conversation “{subject}” with {who}
        </span>
      </label>
      <Link href={href} prefetch={false} data-row-link className="message-link">
        <span className="star" aria-hidden="true">
          {row.starred ? "★" : ""}
        </span>
        <span className="sender">
          <span className="from" dir="auto">
            {row.unread && <span className="visually-hidden">Unread, </span>}
            {row.starred && <span className="visually-hidden">Starred, </span>}
            {who}
          </span>
          {row.messageCount > 1 && (
            <span className="count">
              {" "}
              ({row.messageCount}
              <span className="visually-hidden"> messages</span>)
            </span>
          )}
        </span>
        <span className="summary">
          {showAccount && row.account && (
            <>
              <span className="account-chip" data-testid="account-chip" title={`In ${row.account}`}>
                <span className="visually-hidden">In </span>
                {row.account}
              </span>{" "}
            </>
          )}
          <span className="subject" dir="auto">
            {subject}
          </span>
          {row.snippet && (
            <span className="snippet" dir="auto">
              {" — "}
              {row.snippet}
            </span>
          )}
        </span>
        <span className="date">
          <LocalTime iso={row.date} />
        </span>
      </Link>
    </li>
  );
}
