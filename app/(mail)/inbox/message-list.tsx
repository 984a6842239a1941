import Link from "next/link";
import { KeyboardList } from "../../_components/keyboard-list";
import { MailboxError } from "../../_components/mailbox-error";
import { type InboxLocation, inboxHref } from "./inbox-url";
import { MessageRow, Pagination } from "./message-rows";
import { type MessagePage, listMessages } from "@/lib/gmail/list-messages";
import { DEFAULT_PAGE_SIZE } from "@/lib/gmail/message-params";

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
      <Pagination here={here} nextPageToken={page.nextPageToken} />
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
