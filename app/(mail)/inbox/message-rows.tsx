import Link from "next/link";
import { LocalTime } from "../../_components/local-time";
import { type InboxLocation, newerHref, olderHref } from "./inbox-url";
import type { MessageSummary } from "@/lib/gmail/message-headers";

// The pieces both inboxes share (one account's, and All accounts'): a row and the paging links, with the test
// ids the browser tests and tools rely on.

function sender(message: MessageSummary): string {
  return message.from.name || message.from.email || "(unknown sender)";
}

type RowProps = {
  message: MessageSummary;
  /** The inbox URL to come back to from the message. */
  back: string;
  /** The account the message belongs to, carried to the message page. */
  account?: string;
  /** Name the account on the row (All accounts mixes several). */
  showAccount?: boolean;
};

export function MessageRow({ message, back, account, showAccount = false }: RowProps) {
  return (
    <li
      className={message.unread ? "message-row unread" : "message-row"}
      data-testid="message-row"
      data-message-id={message.id}
      data-account={showAccount ? account : undefined}
    >
      <Link
        href={`/inbox/${message.id}?${new URLSearchParams({ ...(account ? { account } : {}), back })}`}
        data-row-link
        className="message-link"
      >
        <span className="star" aria-label={message.starred ? "Starred" : undefined}>
          {message.starred ? "★" : ""}
        </span>
        <span className="from" dir="auto">
          {message.unread && <span className="visually-hidden">Unread, </span>}
          {sender(message)}
        </span>
        <span className="summary">
          {showAccount && account && (
            <>
              <span className="account-chip" data-testid="account-chip" title={`In ${account}`}>
                <span className="visually-hidden">In </span>
                {account}
              </span>{" "}
            </>
          )}
          <span className="subject" dir="auto">
            {message.subject || "(no subject)"}
          </span>
          {message.snippet && (
            <span className="snippet" dir="auto">
              {" — "}
              {message.snippet}
            </span>
          )}
        </span>
        <span className="date">
          <LocalTime iso={message.date} />
        </span>
      </Link>
    </li>
  );
}

export function Pagination({ here, nextPageToken }: { here: InboxLocation; nextPageToken?: string }) {
  const newer = newerHref(here);
  return (
    <nav className="pagination" aria-label="Pages">
      {newer ? (
        <Link href={newer} className="button" data-testid="prev-page" rel="prev">
          ‹ Newer
        </Link>
      ) : (
        <span className="button" aria-disabled="true" data-testid="prev-page">
          ‹ Newer
        </span>
      )}
      {nextPageToken ? (
        <Link href={olderHref(here, nextPageToken)} className="button" data-testid="next-page" rel="next">
          Older ›
        </Link>
      ) : (
        <span className="button" aria-disabled="true" data-testid="next-page">
          Older ›
        </span>
      )}
    </nav>
  );
}
