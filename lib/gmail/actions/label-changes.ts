// What each mail action asks of Gmail (docs/architecture.md, "Conversations and actions"). Pure, so every mapping is tested on its
// own. Archive, read and star are label changes (Gmail's labels guide: archive = remove INBOX, mark read =
// remove UNREAD); trash and untrash are their own methods, because Gmail's trash does more than add TRASH.
import type { MailAction } from "../../mail/mail-actions";

export type GmailChange =
  { method: "modify"; addLabelIds: string[]; removeLabelIds: string[] } | { method: "trash" } | { method: "untrash" };

/** Gmail sets these itself; adding or removing them by hand is refused (400 "Invalid label: SENT"). */
export const UNAPPLICABLE_LABELS: ReadonlySet<string> = new Set(["SENT", "DRAFT", "CHAT"]);

/** System labels a person may put on mail or take off it. */
export const APPLICABLE_SYSTEM_LABELS: ReadonlySet<string> = new Set([
  "INBOX",
  "UNREAD",
  "STARRED",
  "IMPORTANT",
  "SPAM",
  "TRASH",
  "CATEGORY_PERSONAL",
  "CATEGORY_SOCIAL",
  "CATEGORY_PROMOTIONS",
  "CATEGORY_UPDATES",
  "CATEGORY_FORUMS",
]);

/** A user label's id as Gmail spells it. Whether the account has it is checked against its labels. */
export const USER_LABEL_ID = /^Label_[0-9]{1,20}$/;

const add = (labelId: string): GmailChange => ({ method: "modify", addLabelIds: [labelId], removeLabelIds: [] });
const remove = (labelId: string): GmailChange => ({ method: "modify", addLabelIds: [], removeLabelIds: [labelId] });

/**
 * The Gmail change an action makes. `labelId` is required for addLabel/removeLabel and ignored otherwise
 * (the request schema refuses it there); throws TypeError when it is missing, which validation prevents.
 */
export function gmailChangeFor(action: MailAction, labelId?: string): GmailChange {
  switch (action) {
    case "archive":
      return remove("INBOX");
    case "unarchive":
      return add("INBOX");
    case "markRead":
      return remove("UNREAD");
    case "markUnread":
      return add("UNREAD");
    case "star":
      return add("STARRED");
    case "unstar":
      return remove("STARRED");
    case "trash":
      return { method: "trash" };
    case "untrash":
      return { method: "untrash" };
    case "addLabel":
    case "removeLabel":
      if (!labelId) throw new TypeError(`${action} needs a labelId`);
      return action === "addLabel" ? add(labelId) : remove(labelId);
  }
}

/** The part of one item's change in a Gmail batch: `POST /gmail/v1/users/me/{threads|messages}/{id}/{method}`. */
export function gmailChangeRequest(
  kind: "threads" | "messages",
  id: string,
  change: GmailChange,
): { method: "POST"; path: string; body?: unknown } {
  const path = `/gmail/v1/users/me/${kind}/${encodeURIComponent(id)}/${change.method}`;
  if (change.method !== "modify") return { method: "POST", path };
  return { method: "POST", path, body: { addLabelIds: change.addLabelIds, removeLabelIds: change.removeLabelIds } };
}
