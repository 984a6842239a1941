import Link from "next/link";
import { inboxHref } from "./inbox-url";
import { SYSTEM_VIEWS, type TabView } from "./view-names";
import type { Account } from "@/lib/accounts/linked-accounts";
import { listUserLabels } from "@/lib/gmail/list-labels";

/** Inbox, Unread, Starred, Sent, Drafts, All mail, Spam, Trash, then the user's own labels. */
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
  const userLabels: TabView[] = account === "all" ? [] : await listUserLabels(account).catch(() => []);
  const accountParam = account === "all" ? "all" : (account.email ?? undefined);
  // A tab shows its view: choosing one leaves the search, as in Gmail.
  return (
    <nav className="tabs" aria-label="Labels">
      {[...SYSTEM_VIEWS, ...userLabels].map((label) => (
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
