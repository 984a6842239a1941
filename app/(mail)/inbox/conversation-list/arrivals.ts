// Which rows a live change brought that a person would want to hear about: conversations the page has never
// shown, unread, written by someone else. A row coming back after the person's own Undo, or their own sent
// mail, is not news. Pure, so the announcement is tested without a browser.
import { type ConversationRow, rowKey } from "./rows";
import type { Translate } from "./translate";

export type ArrivalWords = Translate<"arrivals.one" | "arrivals.many" | "arrivals.unknownSender" | "row.noSubject">;
export type TitleWords = Translate<"page.documentTitle" | "page.documentTitleUnread">;

/** The rows of `after` that are news: never among `seen`, unread, and not last written by `me`. */
export function arrivalsOf(
  after: readonly ConversationRow[],
  seen: ReadonlySet<string>,
  me: (row: ConversationRow) => string | null,
): ConversationRow[] {
  return after.filter((row) => {
    if (seen.has(rowKey(row)) || !row.unread) return false;
    const own = me(row);
    return !(own && row.from.email?.toLowerCase() === own.toLowerCase());
  });
}

/** "1 new conversation from Bob: Lunch?" or "3 new conversations": what a screen reader is told, politely. */
export function announcementOf(t: ArrivalWords, arrivals: readonly ConversationRow[]): string {
  const [only] = arrivals;
  if (!only) return "";
  if (arrivals.length > 1) return t("arrivals.many", { count: arrivals.length });
  const from = only.from.name || only.from.email || t("arrivals.unknownSender");
  return t("arrivals.one", { from, subject: only.subject || t("row.noSubject") });
}

/** "Inbox (3) · Mailroom": the tab's title carries the unread conversations the list shows. */
export function documentTitleOf(t: TitleWords, viewName: string, rows: readonly ConversationRow[]): string {
  const unread = rows.filter((row) => row.unread).length;
  return unread > 0 ? t("page.documentTitleUnread", { view: viewName, unread }) : t("page.documentTitle", { view: viewName });
}
