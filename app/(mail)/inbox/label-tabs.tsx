import Link from "next/link";
import { inboxHref } from "./inbox-url";
import type { Account } from "@/lib/accounts/linked-accounts";
import { type MailLabel, SYSTEM_TABS, listUserLabels } from "@/lib/gmail/list-labels";

/** Where trashed conversations can be seen and restored from (Gmail keeps them 30 days). */
const TRASH_TAB: MailLabel = { id: "TRASH", name: "Trash", type: "system" };

/** Inbox, Unread, Starred, Sent, All mail, Trash, then the user's own labels. */
export async function LabelTabs({
  account,
  current,
  q,
  pageSize,
}: {
  /** The account the page resolved, or "all" for the merged view. */
  account: Account | "all";
  current: string;
  q?: string;
  pageSize?: number;
}) {
  // The list below reports Gmail failures; the tabs simply fall back to the system labels. User labels belong
  // to one account, so the All accounts view shows the system labels only.
  const userLabels = account === "all" ? [] : await listUserLabels(account).catch(() => []);
  const accountParam = account === "all" ? "all" : (account.email ?? undefined);
  return (
    <nav className="tabs" aria-label="Labels">
      {[...SYSTEM_TABS, TRASH_TAB, ...userLabels].map((label) => (
        <Link
          key={label.id}
          href={inboxHref({ account: accountParam, label: label.id, q, pageSize, prev: [] })}
          className="tab"
          aria-current={label.id === current ? "page" : undefined}
          dir="auto"
        >
          {label.name}
        </Link>
      ))}
    </nav>
  );
}
