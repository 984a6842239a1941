import Link from "next/link";
import { MailboxError } from "../../_components/mailbox-error";
import { ConversationList } from "./conversation-list/conversation-list";
import { type InboxLocation, inboxHref } from "./inbox-url";
import { Pagination } from "./message-rows";
import type { Account } from "@/lib/accounts/linked-accounts";
import { grantsGmailModify } from "@/lib/gmail/actions/modify-scope";
import { listUserLabels } from "@/lib/gmail/list-labels";
import { DEFAULT_PAGE_SIZE } from "@/lib/http/mail-query";
import { type PositionedPage, listThreadsPositioned } from "@/lib/sync/page-cache-list";

/**
 * Streams in after the page shell: one list and one batch at Gmail, a page of conversations. `account` is the
 * one being read (the one in the URL, or the default), as the page resolved it; the re-authorize banner names it.
 */
export async function MessageList({ account, here }: { account: Account; here: InboxLocation }) {
  const { email } = account;
  let positioned: PositionedPage;
  try {
    // A revisit costs one history.list when nothing changed (lib/sync/page-cache-list.ts).
    positioned = await listThreadsPositioned({
      account,
      label: here.label,
      q: here.q,
      pageToken: here.pageToken,
      pageSize: here.pageSize ?? DEFAULT_PAGE_SIZE,
    });
  } catch (error) {
    return (
      <MailboxError
        error={error}
        email={email}
        subject="Those conversations"
        retryHref={inboxHref(here)}
        backHref={inboxHref({ account: here.account, label: "INBOX", prev: [] })}
        backLabel="Go to the inbox"
      />
    );
  }

  const { page } = positioned;
  const newest = here.pageToken ? inboxHref({ ...here, pageToken: undefined, prev: [] }) : undefined;
  const empty = (
    <section className="state" aria-live="polite">
      <h2>{here.q ? "No messages match your search" : "No messages here"}</h2>
      <p>{here.q ? "Try fewer words, or search all mail." : "When mail arrives with this label, it will show up here."}</p>
      {newest && (
        <Link href={newest} className="button">
          Back to the newest
        </Link>
      )}
    </section>
  );

  // The labels Gmail lets a user apply, for "Label as"; the tabs above already asked (cached for a minute).
  const userLabels = await listUserLabels(account).catch(() => []);
  return (
    <>
      <ConversationList
        rows={page.threads}
        label={here.label}
        account={email ?? ""}
        accountParam={here.account}
        back={inboxHref(here)}
        userLabels={userLabels.map(({ id, name }) => ({ id, name }))}
        listName="Conversations"
        q={here.q}
        resultSizeEstimate={page.resultSizeEstimate}
        newestHref={newest}
        position={positioned.historyId}
        whenEmpty={empty}
        readOnlyAccounts={grantsGmailModify(account.scope) || !email ? [] : [email]}
      />
      <Pagination here={here} nextPageToken={page.nextPageToken} />
    </>
  );
}

export function MessageListSkeleton() {
  return (
    <div className="skeleton" aria-busy="true" aria-label="Loading conversations">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="skeleton-row" />
      ))}
    </div>
  );
}
