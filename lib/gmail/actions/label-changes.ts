// What each mail action asks of Gmail, derived from the action's effect on labels (lib/gmail/labels.ts). Pure,
// so every mapping is tested on its own. Trash and untrash are their own methods at Gmail: Gmail's trash does
// more than add TRASH.
import { gmailMethodOf, labelChangeOf } from "../labels";
import type { MailAction } from "../../mail/mail-actions";

export type GmailChange =
  { method: "modify"; addLabelIds: string[]; removeLabelIds: string[] } | { method: "trash" } | { method: "untrash" };

/**
 * The Gmail change an action makes. `labelId` is required for addLabel/removeLabel and ignored otherwise
 * (the request schema refuses it there); throws TypeError when it is missing, which validation prevents.
 */
export function gmailChangeFor(action: MailAction, labelId?: string): GmailChange {
  const change = labelChangeOf(action, labelId);
  const method = gmailMethodOf(action);
  if (method !== "modify") return { method };
  return { method, addLabelIds: [...change.add], removeLabelIds: [...change.remove] };
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
