// Gmail's labels as Mailroom understands them, in one place: which label ids exist, what each mail action does
// to a conversation's labels (and which action undoes it), and which label views a conversation appears in.
// Pure and browser-safe: the list in the browser, the live stream, the server's Gmail calls and the page cache
// all derive from it, so they cannot disagree.
//
// Gmail's rules it encodes:
// - Labels live on messages; a conversation's labels are the union of its messages'.
// - A view lists the conversations with a message carrying its label. Spam and Trash are left out of every
//   view but their own (Gmail's includeSpamTrash=false): a trashed message keeps its other labels (STARRED,
//   INBOX...), yet shows only in Trash. "All mail" is every conversation outside Spam and Trash.
// - SENT, DRAFT and CHAT are Gmail's to set: adding or removing them by hand is refused (400 "Invalid label").
import type { MailAction } from "../mail/mail-actions";

/** Gmail's system label ids. User labels have ids like `Label_12`. */
export const GmailLabel = {
  INBOX: "INBOX",
  UNREAD: "UNREAD",
  STARRED: "STARRED",
  IMPORTANT: "IMPORTANT",
  SENT: "SENT",
  DRAFT: "DRAFT",
  SPAM: "SPAM",
  TRASH: "TRASH",
  CHAT: "CHAT",
  PERSONAL: "CATEGORY_PERSONAL",
  SOCIAL: "CATEGORY_SOCIAL",
  PROMOTIONS: "CATEGORY_PROMOTIONS",
  UPDATES: "CATEGORY_UPDATES",
  FORUMS: "CATEGORY_FORUMS",
} as const;

/** "All mail": a view, not a label. */
export const ALL_MAIL = "ALL";

const CATEGORIES = [GmailLabel.PERSONAL, GmailLabel.SOCIAL, GmailLabel.PROMOTIONS, GmailLabel.UPDATES, GmailLabel.FORUMS];

/** Gmail sets these itself; adding or removing them by hand is refused (400 "Invalid label: SENT"). */
export const UNAPPLICABLE_LABELS: ReadonlySet<string> = new Set([GmailLabel.SENT, GmailLabel.DRAFT, GmailLabel.CHAT]);

/** System labels a person may put on mail or take off it. */
export const APPLICABLE_SYSTEM_LABELS: ReadonlySet<string> = new Set([
  GmailLabel.INBOX,
  GmailLabel.UNREAD,
  GmailLabel.STARRED,
  GmailLabel.IMPORTANT,
  GmailLabel.SPAM,
  GmailLabel.TRASH,
  ...CATEGORIES,
]);

/** System labels a list may be narrowed to (CHAT is not a mail view). */
export const LISTABLE_SYSTEM_LABELS: ReadonlySet<string> = new Set([
  GmailLabel.INBOX,
  GmailLabel.UNREAD,
  GmailLabel.STARRED,
  GmailLabel.IMPORTANT,
  GmailLabel.SENT,
  GmailLabel.DRAFT,
  GmailLabel.SPAM,
  GmailLabel.TRASH,
  ...CATEGORIES,
]);

/** A user label's id as Gmail spells it. Whether the account has it is checked against its labels. */
export const USER_LABEL_ID = /^Label_[0-9]{1,20}$/;

export function isUserLabelId(id: string): boolean {
  return USER_LABEL_ID.test(id);
}

/**
 * "Snoozed": a view, not a label id. Gmail's own SNOOZED label is not in its API; the server lists the
 * conversations carrying Mailroom's `Mailroom/Snoozed` label instead (lib/snooze/snoozed-view.ts).
 */
export const SNOOZED_VIEW = "SNOOZED";

/** A label view a list may show: a listable system label, All mail, Snoozed, or a user label. */
export function isLabelView(id: string): boolean {
  return id === ALL_MAIL || id === SNOOZED_VIEW || LISTABLE_SYSTEM_LABELS.has(id) || isUserLabelId(id);
}

/** A label a person may add or remove: an applicable system label or a user label. */
export function isApplicableLabel(id: string): boolean {
  return APPLICABLE_SYSTEM_LABELS.has(id) || isUserLabelId(id);
}

// ---- Actions ------------------------------------------------------------------------------------------------

/** An action's effect on labels: what it adds and what it removes. */
export type LabelChange = { add: readonly string[]; remove: readonly string[] };

/** How Gmail is asked: most actions are a label change (modify); trash and untrash have their own methods. */
export type GmailMethod = "modify" | "trash" | "untrash";

type ActionEffect = { add?: string | readonly string[]; remove?: string | readonly string[]; undo: MailAction; method: GmailMethod };

/** Archive = remove INBOX, mark read = remove UNREAD (Gmail's labels guide); trash is its own method at Gmail. */
const EFFECTS: Readonly<Record<Exclude<MailAction, "addLabel" | "removeLabel">, ActionEffect>> = {
  archive: { remove: GmailLabel.INBOX, undo: "unarchive", method: "modify" },
  unarchive: { add: GmailLabel.INBOX, undo: "archive", method: "modify" },
  markRead: { remove: GmailLabel.UNREAD, undo: "markUnread", method: "modify" },
  markUnread: { add: GmailLabel.UNREAD, undo: "markRead", method: "modify" },
  star: { add: GmailLabel.STARRED, undo: "unstar", method: "modify" },
  unstar: { remove: GmailLabel.STARRED, undo: "star", method: "modify" },
  trash: { add: GmailLabel.TRASH, undo: "untrash", method: "trash" },
  untrash: { remove: GmailLabel.TRASH, undo: "trash", method: "untrash" },
  // As Gmail's own Report spam and Not spam buttons do: the conversation leaves the inbox for Spam and back.
  reportSpam: { add: GmailLabel.SPAM, remove: GmailLabel.INBOX, undo: "notSpam", method: "modify" },
  notSpam: { add: GmailLabel.INBOX, remove: GmailLabel.SPAM, undo: "reportSpam", method: "modify" },
};

function asList(labels: string | readonly string[] | undefined): readonly string[] {
  return labels === undefined ? [] : typeof labels === "string" ? [labels] : labels;
}

function effectOf(action: MailAction, labelId: string | undefined): ActionEffect {
  if (action !== "addLabel" && action !== "removeLabel") return EFFECTS[action];
  // Validation (the request schema, the toolbar) never lets these through without a label.
  if (!labelId) throw new TypeError(`${action} needs a labelId`);
  return action === "addLabel"
    ? { add: labelId, undo: "removeLabel", method: "modify" }
    : { remove: labelId, undo: "addLabel", method: "modify" };
}

/**
 * What an action does to labels. `labelId` is required for addLabel/removeLabel (TypeError without it) and
 * ignored otherwise.
 */
export function labelChangeOf(action: MailAction, labelId?: string): LabelChange {
  const effect = effectOf(action, labelId);
  return { add: asList(effect.add), remove: asList(effect.remove) };
}

/** The Gmail method that carries the action out. */
export function gmailMethodOf(action: MailAction): GmailMethod {
  return action === "addLabel" || action === "removeLabel" ? "modify" : EFFECTS[action].method;
}

/** The action that puts things back; Undo sends it (with the same label) for exactly the items that changed. */
export function undoOf(action: MailAction): MailAction {
  return action === "addLabel" ? "removeLabel" : action === "removeLabel" ? "addLabel" : EFFECTS[action].undo;
}

/** Labels after a change; the same array when the change does nothing to them. */
export function withLabelChange(labelIds: readonly string[], change: LabelChange): readonly string[] {
  const missing = change.add.filter((label) => !labelIds.includes(label));
  const present = change.remove.filter((label) => labelIds.includes(label));
  if (missing.length === 0 && present.length === 0) return labelIds;
  return [...labelIds.filter((label) => !present.includes(label)), ...missing];
}

// ---- Views --------------------------------------------------------------------------------------------------

const SPAM_TRASH: readonly string[] = [GmailLabel.SPAM, GmailLabel.TRASH];

/** Spam and Trash: views of their own, left out of every other. */
export function isSpamOrTrashView(view: string): boolean {
  return SPAM_TRASH.includes(view);
}

/** Labels that take a message out of every view but Spam's or Trash's. */
export function isSpamOrTrash(labelIds: readonly string[]): boolean {
  return labelIds.some((id) => SPAM_TRASH.includes(id));
}

/** Whether a message with these labels is shown in the view at all: outside Spam and Trash, theirs are hidden. */
export function shownInView(labelIds: readonly string[], view: string): boolean {
  return isSpamOrTrashView(view) || !isSpamOrTrash(labelIds);
}

/**
 * Whether a message, or a conversation's row, with these labels belongs in the view: Spam and Trash hold what
 * carries their label; every other view leaves spam and trash out and holds what carries its label (All mail:
 * everything else).
 */
export function belongsInView(labelIds: readonly string[], view: string): boolean {
  if (!shownInView(labelIds, view)) return false;
  return view === ALL_MAIL || labelIds.includes(view);
}

/** Every label view a message with these labels appears in (user labels included). */
export function viewsOf(labelIds: readonly string[]): string[] {
  const views = [ALL_MAIL, ...new Set(labelIds)].filter(isLabelView);
  return views.filter((view) => belongsInView(labelIds, view));
}

type Labelled = { labelIds?: readonly string[] | null };

/** A conversation is in a view when any of its messages is. */
export function threadInView(messages: readonly Labelled[], view: string): boolean {
  return messages.some((message) => belongsInView(message.labelIds ?? [], view));
}

/**
 * The messages a reader sees in a view: outside Spam and Trash the conversation leaves their messages out (a
 * trashed reply does not make an inbox conversation unread); when that would leave nothing, all of them. No view
 * (a conversation opened on its own) is read as All mail.
 */
export function visibleMessages<T extends Labelled>(messages: readonly T[], view: string | undefined): T[] {
  const shown = view ?? ALL_MAIL;
  const visible = messages.filter((message) => shownInView(message.labelIds ?? [], shown));
  return visible.length > 0 ? visible : [...messages];
}
