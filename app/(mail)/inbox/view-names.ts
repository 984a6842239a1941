// The views the label tabs offer, in Gmail's order, with the names people know them by (in their language:
// `views.<key>` in the "list" catalogue). Drafts is its own page (the drafts Mailroom keeps with Gmail's), so
// its tab links there rather than to a label list.
import type { Translate } from "./conversation-list/translate";
import { SNOOZED_VIEW } from "@/lib/gmail/labels";

export type ViewKey = "inbox" | "unread" | "starred" | "snoozed" | "sent" | "drafts" | "allMail" | "spam" | "trash" | "searchResults";
export type ViewWords = Translate<`views.${ViewKey}`>;

/** A tab: a system view (named by its key) or a user label (named by the user). */
export type TabView = { id: string; name: string; href?: string };
type SystemView = { id: string; key: ViewKey; href?: string };

export const SYSTEM_VIEWS: readonly SystemView[] = [
  { id: "INBOX", key: "inbox" },
  { id: "UNREAD", key: "unread" },
  { id: "STARRED", key: "starred" },
  // Mailroom's snoozed conversations (lib/snooze), where Gmail shows its own Snoozed; one account's only.
  { id: SNOOZED_VIEW, key: "snoozed" },
  { id: "SENT", key: "sent" },
  { id: "DRAFT", key: "drafts", href: "/drafts" },
  { id: "ALL", key: "allMail" },
  { id: "SPAM", key: "spam" },
  { id: "TRASH", key: "trash" },
];

/** The system views a tab row offers, named: Snoozed lives in one account, so All accounts goes without it. */
export function systemViewsFor(t: ViewWords, allAccounts: boolean): TabView[] {
  return SYSTEM_VIEWS.filter((view) => !allAccounts || view.id !== SNOOZED_VIEW).map(({ key, ...view }) => ({
    ...view,
    name: t(`views.${key}`),
  }));
}

/** What the page is called: the view's name, or the search's when there is one (a search looks in all mail). */
export function viewNameOf(
  t: ViewWords,
  label: string,
  q: string | undefined,
  userLabels: readonly { id: string; name: string }[],
): string {
  if (q) return t("views.searchResults");
  const system = SYSTEM_VIEWS.find((view) => view.id === label);
  if (system) return t(`views.${system.key}`);
  return userLabels.find((view) => view.id === label)?.name ?? label;
}
