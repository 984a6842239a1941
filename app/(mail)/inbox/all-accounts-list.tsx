import Link from "next/link";
import { KeyboardList } from "../../_components/keyboard-list";
import { LocalTime } from "../../_components/local-time";
import { MailboxError } from "../../_components/mailbox-error";
import { ReauthBanner } from "../../_components/reauth-banner";
import { type InboxLocation, inboxHref, newerHref, olderHref } from "./inbox-url";
import { type AccountError, type AllAccountsMessage, type AllAccountsPage, listAllAccountsMessages } from "@/lib/gmail/list-all-accounts";
import { DEFAULT_PAGE_SIZE } from "@/lib/gmail/message-params";

// The "All accounts" inbox (`/inbox?account=all`): the same rows, test ids and paging as message-list, with
// each row naming the account it belongs to and linking to the message within that account. An account that
// cannot be read gets its own banner above the rows of the others.

/** The inbox URL for this location, in the All accounts view. */
function allAccountsHref(href: string): string {
  const url = new URL(href, "http://mailroom.invalid");
  url.searchParams.set("account", "all");
  return `${url.pathname}?${url.searchParams}`;
}

function sender(message: AllAccountsMessage): string {
  return message.from.name || message.from.email || "(unknown sender)";
}

function MessageRow({ message, back }: { message: AllAccountsMessage; back: string }) {
  return (
    <li
      className={message.unread ? "message-row unread" : "message-row"}
      data-testid="message-row"
      data-message-id={message.id}
      data-account={message.account}
    >
      <Link href={`/inbox/${message.id}?${new URLSearchParams({ account: message.account, back })}`} data-row-link className="message-link">
        <span className="star" aria-label={message.starred ? "Starred" : undefined}>
          {message.starred ? "★" : ""}
        </span>
        <span className="from" dir="auto">
          {message.unread && <span className="visually-hidden">Unread, </span>}
          {sender(message)}
        </span>
        <span className="summary">
          <span className="account-chip" data-testid="account-chip" title={`In ${message.account}`}>
            <span className="visually-hidden">In </span>
            {message.account}
          </span>{" "}
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

function Pagination({ here, page }: { here: InboxLocation; page: AllAccountsPage }) {
  const newer = newerHref(here);
  return (
    <nav className="pagination" aria-label="Pages">
      {newer ? (
        <Link href={allAccountsHref(newer)} className="button" data-testid="prev-page" rel="prev">
          ‹ Newer
        </Link>
      ) : (
        <span className="button" aria-disabled="true" data-testid="prev-page">
          ‹ Newer
        </span>
      )}
      {page.nextPageToken ? (
        <Link href={allAccountsHref(olderHref(here, page.nextPageToken))} className="button" data-testid="next-page" rel="next">
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

/** One notice per account that could not be read: its reconnect banner, or what went wrong. */
function AccountFailure({ failure }: { failure: AccountError }) {
  if (failure.code === "reauth_required") {
    return <ReauthBanner message={`${failure.email}: ${failure.message}`} reason={failure.reason ?? "revoked"} email={failure.email} />;
  }
  return (
    <p className="banner" role="status" data-testid="account-error" data-account={failure.email}>
      {failure.email}: {failure.message}
    </p>
  );
}

/** Streams in after the page shell: one list and one batch per account, all accounts at once. */
export async function AllAccountsList({ userId, email, here }: { userId: string; email: string | null; here: InboxLocation }) {
  let page: AllAccountsPage;
  try {
    page = await listAllAccountsMessages({ userId, label: here.label, q: here.q, pageToken: here.pageToken, pageSize: DEFAULT_PAGE_SIZE });
  } catch (error) {
    // Only when no account could be read at all; one failing account is reported next to the others' rows.
    return (
      <MailboxError
        error={error}
        email={email}
        subject="Those messages"
        retryHref={allAccountsHref(inboxHref(here))}
        backHref={allAccountsHref("/inbox")}
        backLabel="Go to All accounts"
      />
    );
  }

  const failures = page.accountErrors.map((failure) => <AccountFailure key={failure.email} failure={failure} />);
  if (page.messages.length === 0) {
    return (
      <>
        {failures}
        <section className="state" aria-live="polite">
          <h2>{here.q ? "No messages match your search" : "No messages here"}</h2>
          <p>
            {here.q
              ? "Try fewer words, or search all mail."
              : "When mail arrives with this label in any of your accounts, it will show up here."}
          </p>
          {here.pageToken && (
            <Link href={allAccountsHref(inboxHref({ ...here, pageToken: undefined, prev: [] }))} className="button">
              Back to the newest
            </Link>
          )}
        </section>
      </>
    );
  }

  const back = allAccountsHref(inboxHref(here));
  return (
    <>
      {failures}
      <p className="list-meta" aria-live="polite">
        {page.messages.length} messages from all accounts{here.q ? ` matching “${here.q}”` : ""}
        {page.resultSizeEstimate > page.messages.length ? ` of about ${page.resultSizeEstimate}` : ""}
        <span className="keyboard-hint"> · j/k to move, Enter to open, / to search</span>
      </p>
      <KeyboardList>
        <ul className="message-list" aria-label="Messages from all accounts">
          {page.messages.map((message) => (
            <MessageRow key={`${message.account}/${message.id}`} message={message} back={back} />
          ))}
        </ul>
      </KeyboardList>
      <Pagination here={here} page={page} />
    </>
  );
}
