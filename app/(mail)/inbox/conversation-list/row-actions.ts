// A row's own buttons (shown on hover, reachable by keyboard), per view, with the words each is named by.
import { GmailLabel } from "@/lib/gmail/labels";

export type RowAction = "archive" | "trash" | "untrash" | "markRead" | "markUnread" | "notSpam";

export const ROW_ACTION_WORDS: Record<RowAction, { icon: string; text: string }> = {
  archive: { icon: "archive", text: "Archive" },
  trash: { icon: "trash", text: "Trash" },
  untrash: { icon: "untrash", text: "Restore" },
  markRead: { icon: "read", text: "Mark read" },
  markUnread: { icon: "unread", text: "Mark unread" },
  notSpam: { icon: "unarchive", text: "Not spam" },
};

/** The buttons on a row, for the view it is in: what makes sense there, as the toolbar offers it. */
export function rowActionsFor(label: string): RowAction[] {
  if (label === GmailLabel.TRASH) return ["untrash", "markRead", "markUnread"];
  if (label === GmailLabel.SPAM) return ["notSpam", "trash", "markRead", "markUnread"];
  return ["archive", "trash", "markRead", "markUnread"];
}
