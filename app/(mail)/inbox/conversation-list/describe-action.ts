// The words the list uses for what happened, for the undo toast, the error alert and the consent dialog.
// Each action is one whole sentence per language (its plural included), since word order and agreement differ.
import type { Translate } from "./translate";
import type { MailAction } from "@/lib/mail/mail-actions";

export type ActionWords = Translate<`done.${MailAction}` | `intent.${MailAction}`>;

/** "Archived 3 conversations": what the user sees once Gmail has done it. */
export function describeDone(t: ActionWords, action: MailAction, count: number, labelName = ""): string {
  return t(`done.${action}`, { count, label: labelName });
}

/** "archive 3 conversations": for "Could not …" and the consent dialog. */
export function describeIntent(t: ActionWords, action: MailAction, count: number, labelName = ""): string {
  return t(`intent.${action}`, { count, label: labelName });
}
