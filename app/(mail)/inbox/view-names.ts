// The views the label tabs offer, in Gmail's order, with the names people know them by. Drafts is its own
// page (the drafts Mailroom keeps with Gmail's), so its tab links there rather than to a label list.
import { SNOOZED_VIEW } from "@/lib/gmail/labels";

export type TabView = { id: string; name: string; href?: string };

export const SYSTEM_VIEWS: readonly TabView[] = [
  { id: "INBOX", name: "Inbox" },
  { id: "UNREAD", name: "Unread" },
  { id: "STARRED", name: "Starred" },
  // Mailroom's snoozed conversations (lib/snooze), where Gmail shows its own Snoozed; one account's only.
  { id: SNOOZED_VIEW, name: "Snoozed" },
  { id: "SENT", name: "Sent" },
  { id: "DRAFT", name: "Drafts", href: "/drafts" },
  { id: "ALL", name: "All mail" },
  { id: "SPAM", name: "Spam" },
  { id: "TRASH", name: "Trash" },
];

/** The system views a tab row offers: Snoozed lives in one account, so All accounts goes without it. */
export function systemViewsFor(allAccounts: boolean): readonly TabView[] {
  return allAccounts ? SYSTEM_VIEWS.filter((view) => view.id !== SNOOZED_VIEW) : SYSTEM_VIEWS;
}

/** What the page is called: the view's name, or the search's when there is one (a search looks in all mail). */
export function viewNameOf(label: string, q: string | undefined, userLabels: readonly { id: string; name: string }[]): string {
  if (q) return "Search results";
  return SYSTEM_VIEWS.find((view) => view.id === label)?.name ?? userLabels.find((view) => view.id === label)?.name ?? label;
}
