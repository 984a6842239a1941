import Link from "next/link";
import { KeyboardList } from "../../_components/keyboard-list";
import { LocalTime } from "../../_components/local-time";
import { MailboxError } from "../../_components/mailbox-error";
import { type InboxLocation, inboxHref, newerHref, olderHref } from "./inbox-url";
import { type MessagePage, listMessages } from "@/lib/gmail/list-messages";
import { DEFAULT_PAGE_SIZE } from "@/lib/gmail/message-params";
import type { MessageSummary } from "@/lib/gmail/message-headers";

function sender(message: MessageSummary): string {
  return message.from.name || message.from.email || "(unknown sender)";
}

function MessageRow({ message, back, account }: { message: MessageSummary; back: string; account?: string }) {
  return (
    <li className={message.unread ? "message-row unread" : "message-row"} data-testid="message-row" data-message-id={message.id}>
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

function Pagination({ here, page }: { here: InboxLocation; page: MessagePage }) {
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
      {page.nextPageToken ? (
        <Link href={olderHref(here, page.nextPageToken)} className="button" data-testid="next-page" rel="next">
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

/**
 * Streams in after the page shell: one list and one batch at Gmail. `email` is the account being read (the
 * one in the URL, or the default), named by the re-authorize banner.
 */
export async function MessageList({ userId, email, here }: { userId: string; email: string | null; here: InboxLocation }) {
  let page: MessagePage;
  try {
    page = await listMessages({
      userId,
      account: email ?? undefined,
      label: here.label,
      q: here.q,
      pageToken: here.pageToken,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  } catch (error) {
    return (
      <MailboxError
        error={error}
        email={email}
        subject="Those messages"
        retryHref={inboxHref(here)}
        backHref={inboxHref({ account: here.account, label: "INBOX", prev: [] })}
        backLabel="Go to the inbox"
      />
    );
  }

  if (page.messages.length === 0) {
    return (
      <section className="state" aria-live="polite">
        <h2>{here.q ? "No messages match your search" : "No messages here"}</h2>
        <p>{here.q ? "Try fewer words, or search all mail." : "When mail arrives with this label, it will show up here."}</p>
        {here.pageToken && (
          <Link href={inboxHref({ ...here, pageToken: undefined, prev: [] })} className="button">
            Back to the newest
          </Link>
        )}
      </section>
    );
  }

  const back = inboxHref(here);
  return (
    <>
      <p className="list-meta" aria-live="polite">
        {page.messages.length} messages{here.q ? ` matching “${here.q}”` : ""}
        {page.resultSizeEstimate > page.messages.length ? ` of about ${page.resultSizeEstimate}` : ""}
        <span className="keyboard-hint"> · j/k to move, Enter to open, / to search</span>
      </p>
      <KeyboardList>
        <ul className="message-list" aria-label="Messages">
          {page.messages.map((message) => (
            <MessageRow key={message.id} message={message} back={back} account={here.account} />
          ))}
        </ul>
      </KeyboardList>
      <Pagination here={here} page={page} />
    </>
  );
}

export function MessageListSkeleton() {
  return (
    <div className="skeleton" aria-busy="true" aria-label="Loading messages">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="skeleton-row" />
      ))}
    </div>
  );
}
