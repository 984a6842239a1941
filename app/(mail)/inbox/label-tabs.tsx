import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inboxHref } from "./inbox-url";
import { type TabView, systemViewsFor } from "./view-names";
import type { Account } from "@/lib/accounts/linked-accounts";
import { listUserLabels } from "@/lib/gmail/list-labels";
import { SNOOZED_LABEL_NAME } from "@/lib/snooze/snoozed-label";

/** Inbox, Unread, Starred, Snoozed, Sent, Drafts, All mail, Spam, Trash, then the user's own labels. */
export async function LabelTabs({
  account,
  current,
  pageSize,
}: {
  /** The account the page resolved, or "all" for the merged view. */
  account: Account | "all";
  /** The view listed; none while searching, since a search looks in all mail. */
  current: string | null;
  pageSize?: number;
}) {
  // The list below reports Gmail failures; the tabs simply fall back to the system labels. User labels belong
  // to one account, so the All accounts view shows the system labels only.
  const t = await getTranslations("list");
  const userLabels: TabView[] = account === "all" ? [] : await listUserLabels(account).catch(() => []);
  // Snoozed is the view of Mailroom's own label, not a label tab of its own.
  const ownLabels = userLabels.filter((label) => label.name.toLowerCase() !== SNOOZED_LABEL_NAME.toLowerCase());
  const accountParam = account === "all" ? "all" : (account.email ?? undefined);
  // A tab shows its view: choosing one leaves the search, as in Gmail.
  return (
    <nav className="tabs" aria-label={t("page.labels")}>
      {[...systemViewsFor(t, account === "all"), ...ownLabels].map((label) => (
        <Link
          key={label.id}
          href={label.href ?? inboxHref({ account: accountParam, label: label.id, pageSize, prev: [] })}
          className="tab"
          aria-current={label.id === current ? "page" : undefined}
          dir="auto"
        >
          <bdi>{label.name}</bdi>
        </Link>
      ))}
    </nav>
  );
}
