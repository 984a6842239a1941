import { getTranslations } from "next-intl/server";
import { MailboxError } from "../../_components/mailbox-error";
import { ReauthBanner } from "../../_components/reauth-banner";
import { ConversationList } from "./conversation-list/conversation-list";
import { EmptyList } from "./empty-list";
import { type InboxLocation, firstIndexOf, inboxHref } from "./inbox-url";
import { Pagination } from "./message-rows";
import { viewNameOf } from "./view-names";
import { listLinkedAccounts } from "@/lib/accounts/linked-accounts";
import { grantsGmailModify } from "@/lib/gmail/actions/modify-scope";
import type { AccountError } from "@/lib/mail/list-all-accounts";
import { type AllAccountsThreadPage, listAllAccountsThreads } from "@/lib/mail/list-all-accounts-threads";
import { DEFAULT_PAGE_SIZE } from "@/lib/http/mail-query";
import { encodeStreamPositions } from "@/lib/sync/stream-positions";

// The "All accounts" inbox (`/inbox?account=all`, so every inbox URL built from `here` stays in this view):
// the same conversation list and paging as message-list, each row naming the account it belongs to, linking
// to the conversation within that account, and acted on in that account. An account that cannot be read gets its own banner above the others' rows.

/** One notice per account that could not be read: its reconnect banner, or what went wrong. */
function AccountFailure({ failure }: { failure: AccountError }) {
  if (failure.code === "reauth_required") {
    // The banner names the account itself.
    return <ReauthBanner message={failure.message} reason={failure.reason ?? "revoked"} email={failure.email} />;
  }
  return (
    <p className="banner" role="status" data-testid="account-error" data-account={failure.email}>
      <bdi>{failure.email}</bdi>: {failure.message}
    </p>
  );
}

/** Streams in after the page shell: one list and one batch per account, all accounts at once. */
export async function AllAccountsList({ userId, email, here }: { userId: string; email: string | null; here: InboxLocation }) {
  const t = await getTranslations("list");
  let page: AllAccountsThreadPage;
  try {
    page = await listAllAccountsThreads({
      userId,
      label: here.label,
      q: here.q,
      pageToken: here.pageToken,
      pageSize: here.pageSize ?? DEFAULT_PAGE_SIZE,
    });
  } catch (error) {
    // Only when no account could be read at all; one failing account is reported next to the others' rows.
    return (
      <MailboxError
        error={error}
        email={email}
        subject={t("page.thoseConversations")}
        retryHref={inboxHref(here)}
        backHref={inboxHref({ account: "all", label: "INBOX", prev: [] })}
        backLabel={t("page.goToAllAccounts")}
      />
    );
  }

  const failures = page.accountErrors.map((failure) => <AccountFailure key={failure.email} failure={failure} />);
  const newest = here.pageToken ? inboxHref({ ...here, pageToken: undefined, prev: [] }) : undefined;
  const empty = <EmptyList here={here} allAccounts={true} />;

  return (
    <>
      {failures}
      <ConversationList
        rows={page.threads}
        label={here.label}
        account={null}
        back={inboxHref(here)}
        userLabels={[]}
        listName={t("page.allAccountsConversations")}
        q={here.q}
        resultSizeEstimate={page.resultSizeEstimate}
        newestHref={newest}
        position={encodeStreamPositions(page.positions.map(({ email, historyId }) => [email, historyId] as const))}
        whenEmpty={empty}
        viewName={viewNameOf(t, here.label, here.q, [])}
        firstIndex={firstIndexOf(here)}
        pager={<Pagination here={here} nextPageToken={page.nextPageToken} />}
        readOnlyAccounts={(await listLinkedAccounts(userId)).flatMap((linked) =>
          grantsGmailModify(linked.scope) || !linked.email ? [] : [linked.email],
        )}
      />
    </>
  );
}
