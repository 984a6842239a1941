// The views the label tabs offer, in Gmail's order, with the names people know them by. Drafts is its own
// page (the drafts Mailroom keeps with Gmail's), so its tab links there rather than to a label list.
export type TabView = { id: string; name: string; href?: string };

export const SYSTEM_VIEWS: readonly TabView[] = [
  { id: "INBOX", name: "Inbox" },
  { id: "UNREAD", name: "Unread" },
  { id: "STARRED", name: "Starred" },
  { id: "SENT", name: "Sent" },
  { id: "DRAFT", name: "Drafts", href: "/drafts" },
  { id: "ALL", name: "All mail" },
  { id: "SPAM", name: "Spam" },
  { id: "TRASH", name: "Trash" },
];

/** What the page is called: the view's name, or the search's when there is one (a search looks in all mail). */
export function viewNameOf(label: string, q: string | undefined, userLabels: readonly { id: string; name: string }[]): string {
  if (q) return "Search results";
  return SYSTEM_VIEWS.find((view) => view.id === label)?.name ?? userLabels.find((view) => view.id === label)?.name ?? label;
}
