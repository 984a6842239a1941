import Link from "next/link";
import { KeyboardList } from "../../_components/keyboard-list";
import { MailboxError } from "../../_components/mailbox-error";
import { ReauthBanner } from "../../_components/reauth-banner";
import { type InboxLocation, inboxHref } from "./inbox-url";
import { MessageRow, Pagination } from "./message-rows";
import { type AccountError, type AllAccountsPage, listAllAccountsMessages } from "@/lib/gmail/list-all-accounts";
import { DEFAULT_PAGE_SIZE } from "@/lib/gmail/message-params";

// The "All accounts" inbox (`/inbox?account=all`, so every inbox URL built from `here` stays in this view):
// the same rows and paging as message-list, each row naming the account it belongs to and linking to the
// message within that account. An account that cannot be read gets its own banner above the others' rows.

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
        retryHref={inboxHref(here)}
        backHref={inboxHref({ account: "all", label: "INBOX", prev: [] })}
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
            <Link href={inboxHref({ ...here, pageToken: undefined, prev: [] })} className="button">
              Back to the newest
            </Link>
          )}
        </section>
      </>
    );
  }

  const back = inboxHref(here);
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
            <MessageRow key={`${message.account}/${message.id}`} message={message} back={back} account={message.account} showAccount />
          ))}
        </ul>
      </KeyboardList>
      <Pagination here={here} nextPageToken={page.nextPageToken} />
    </>
  );
}
