import Link from "next/link";
import { inboxHref } from "./inbox-url";
import { SYSTEM_TABS, listUserLabels } from "@/lib/gmail/list-labels";

/** Inbox, Unread, Starred, Sent, All mail, then the user's own labels. */
export async function LabelTabs({ userId, account, current, q }: { userId: string; account?: string; current: string; q?: string }) {
  // The list below reports Gmail failures; the tabs simply fall back to the system labels. User labels belong
  // to one account, so the All accounts view shows the system labels only.
  const userLabels = account === "all" ? [] : await listUserLabels({ userId, account }).catch(() => []);
  return (
    <nav className="tabs" aria-label="Labels">
      {[...SYSTEM_TABS, ...userLabels].map((label) => (
        <Link
          key={label.id}
          href={inboxHref({ account, label: label.id, q, prev: [] })}
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
