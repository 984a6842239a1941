import Link from "next/link";
import { inboxHref } from "./inbox-url";
import type { Account } from "@/lib/accounts/linked-accounts";
import { type MailLabel, SYSTEM_TABS, listUserLabels } from "@/lib/gmail/list-labels";
import { SNOOZED_VIEW } from "@/lib/gmail/labels";
import { SNOOZED_LABEL_NAME } from "@/lib/snooze/snoozed-label";

/** Where trashed conversations can be seen and restored from (Gmail keeps them 30 days). */
const TRASH_TAB: MailLabel = { id: "TRASH", name: "Trash", type: "system" };

/** Mailroom's snoozed conversations (lib/snooze), shown as Gmail shows its own Snoozed. */
const SNOOZED_TAB: MailLabel = { id: SNOOZED_VIEW, name: "Snoozed", type: "system" };

/** Inbox, Unread, Starred, Sent, All mail, Trash, Snoozed (one account), then the user's own labels. */
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
  // Snoozed is the view of Mailroom's own label, not a label tab of its own.
  const ownLabels = userLabels.filter((label) => label.name.toLowerCase() !== SNOOZED_LABEL_NAME.toLowerCase());
  const snoozed = account === "all" ? [] : [SNOOZED_TAB];
  const accountParam = account === "all" ? "all" : (account.email ?? undefined);
  return (
    <nav className="tabs" aria-label="Labels">
      {[...SYSTEM_TABS, TRASH_TAB, ...snoozed, ...ownLabels].map((label) => (
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
