// A row's own buttons (shown on hover, reachable by keyboard), per view, with the icon each shows; each is
// named as the toolbar's button for the same action (`toolbar.<action>` in the "list" catalogue).
import { GmailLabel } from "@/lib/gmail/labels";

export type RowAction = "archive" | "trash" | "untrash" | "markRead" | "markUnread" | "notSpam";

export const ROW_ACTION_ICONS: Record<RowAction, string> = {
  archive: "archive",
  trash: "trash",
  untrash: "untrash",
  markRead: "read",
  markUnread: "unread",
  notSpam: "unarchive",
};

/** The buttons on a row, for the view it is in: what makes sense there, as the toolbar offers it. */
export function rowActionsFor(label: string): RowAction[] {
  if (label === GmailLabel.TRASH) return ["untrash", "markRead", "markUnread"];
  if (label === GmailLabel.SPAM) return ["notSpam", "trash", "markRead", "markUnread"];
  return ["archive", "trash", "markRead", "markUnread"];
}
