// Which rows a live change brought that a person would want to hear about: conversations the page has never
// shown, unread, written by someone else. A row coming back after the person's own Undo, or their own sent
// mail, is not news. Pure, so the announcement is tested without a browser.
import { type ConversationRow, rowKey } from "./rows";

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
export function announcementOf(arrivals: readonly ConversationRow[]): string {
  const [only] = arrivals;
  if (!only) return "";
  if (arrivals.length > 1) return `${arrivals.length} new conversations`;
  const from = only.from.name || only.from.email || "an unknown sender";
  return `1 new conversation from ${from}: ${only.subject || "(no subject)"}`;
}

/** "Inbox (3) · Mailroom": the tab's title carries the unread conversations the list shows. */
export function documentTitleOf(viewName: string, rows: readonly ConversationRow[]): string {
  const unread = rows.filter((row) => row.unread).length;
  return `${viewName}${unread > 0 ? ` (${unread})` : ""} · Mailroom`;
}
