// The actions a user can take on mail (docs/architecture.md, "Conversations and actions"), shared by POST
// /api/actions, the server's Gmail calls and the browser's toolbar and keys. Pure: no Google, no tokens. What
// each action does to labels, and which action undoes it, is lib/gmail/labels.ts's.

export const MAIL_ACTIONS = [
  "archive",
  "unarchive",
  "markRead",
  "markUnread",
  "star",
  "unstar",
  "trash",
  "untrash",
  "addLabel",
  "removeLabel",
  "reportSpam",
  "notSpam",
] as const;

export type MailAction = (typeof MAIL_ACTIONS)[number];

/**
 * Snooze takes conversations out of the inbox until a time (`until`), behind a Gmail label of Mailroom's own;
 * unsnooze brings them back now. Not label changes alone (a job wakes them), so kept apart from MAIL_ACTIONS,
 * whose every action the list applies and undoes as a label change (lib/snooze).
 */
export const SNOOZE_ACTIONS = ["snooze", "unsnooze"] as const;

export type SnoozeAction = (typeof SNOOZE_ACTIONS)[number];

export function isSnoozeAction(action: string): action is SnoozeAction {
  return (SNOOZE_ACTIONS as readonly string[]).includes(action);
}

/** Gmail's batchModify takes at most 1000 ids; a request naming more is refused before Google. */
export const MAX_ACTION_IDS = 1000;

export type ActionRequest = {
  account?: string;
  action: MailAction | SnoozeAction;
  threadIds?: string[];
  messageIds?: string[];
  /** Only for addLabel / removeLabel. */
  labelId?: string;
  /** Only for snooze: when the conversations come back to the inbox (ISO 8601 with a zone). */
  until?: string;
};

export type ActionResult = { applied: number; failed: { id: string; code: string }[] };
