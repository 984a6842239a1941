import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { MailboxError } from "../../_components/mailbox-error";
import { ConversationList } from "./conversation-list/conversation-list";
import { EmptyList } from "./empty-list";
import { type InboxLocation, firstIndexOf, inboxHref } from "./inbox-url";
import { Pagination } from "./message-rows";
import { viewNameOf } from "./view-names";
import type { Account } from "@/lib/accounts/linked-accounts";
import { grantsGmailModify } from "@/lib/gmail/actions/modify-scope";
import { listUserLabels } from "@/lib/gmail/list-labels";
import { DEFAULT_PAGE_SIZE } from "@/lib/http/mail-query";
import { type PositionedPage, listThreadsPositioned } from "@/lib/sync/page-cache-list";
import { SNOOZED_VIEW } from "@/lib/gmail/labels";
import { gmailLabelForView, wakeTimes } from "@/lib/snooze/snoozed-view";

/**
 * Streams in after the page shell: one list and one batch at Gmail, a page of conversations. `account` is the
 * one being read (the one in the URL, or the default), as the page resolved it; the re-authorize banner names it.
 */
export async function MessageList({ account, here }: { account: Account; here: InboxLocation }) {
  const { email } = account;
  const t = await getTranslations("list");
  const failed = (error: unknown) => (
    <MailboxError
      error={error}
      email={email}
      subject={t("page.thoseConversations")}
      retryHref={inboxHref(here)}
      backHref={inboxHref({ account: here.account, label: "INBOX", prev: [] })}
      backLabel={t("page.goToInbox")}
    />
  );
  // Snoozed lists Mailroom's own label at Gmail, with the wake times Mailroom keeps.
  let label: string | null;
  let snoozes: Record<string, string> | undefined;
  try {
    label = await gmailLabelForView(account, here.label);
    if (here.label === SNOOZED_VIEW) snoozes = await wakeTimes(account);
  } catch (error) {
    return failed(error);
  }
  if (label === null) {
    return (
      <section className="state">
        <h2>{t("empty.snoozedTitle")}</h2>
        <p>{t("empty.snoozedText")}</p>
      </section>
    );
  }
  let positioned: PositionedPage;
  try {
    // A revisit costs one history.list when nothing changed (lib/sync/page-cache-list.ts).
    positioned = await listThreadsPositioned({
      account,
      label,
      q: here.q,
      pageToken: here.pageToken,
      pageSize: here.pageSize ?? DEFAULT_PAGE_SIZE,
    });
  } catch (error) {
    return failed(error);
  }

  const { page } = positioned;
  const newest = here.pageToken ? inboxHref({ ...here, pageToken: undefined, prev: [] }) : undefined;
  const empty = <EmptyList here={here} allAccounts={false} />;

  // The labels Gmail lets a user apply, for "Label as"; the tabs above already asked (cached for a minute).
  const userLabels = await listUserLabels(account).catch(() => []);
  return (
    <ConversationList
      rows={page.threads}
      label={label}
      snoozes={snoozes}
      account={email ?? ""}
      accountParam={here.account}
      back={inboxHref(here)}
      userLabels={userLabels.map(({ id, name }) => ({ id, name }))}
      listName={t("page.conversations")}
      q={here.q}
      resultSizeEstimate={page.resultSizeEstimate}
      newestHref={newest}
      position={positioned.historyId}
      whenEmpty={empty}
      viewName={viewNameOf(t, here.label, here.q, userLabels)}
      firstIndex={firstIndexOf(here)}
      pager={<Pagination here={here} nextPageToken={page.nextPageToken} />}
      readOnlyAccounts={grantsGmailModify(account.scope) || !email ? [] : [email]}
    />
  );
}

export function MessageListSkeleton() {
  const t = useTranslations("list");
  return (
    <div className="skeleton" aria-busy="true" aria-label={t("page.loading")}>
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="skeleton-row" />
      ))}
    </div>
  );
}
