// The actions a user can take on mail (docs/architecture.md, "Conversations and actions"), shared by POST /api/actions, the server's
// Gmail calls and the browser's toolbar and keys. Pure: no Google, no tokens.

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
] as const;

export type MailAction = (typeof MAIL_ACTIONS)[number];

/** Gmail's batchModify takes at most 1000 ids; a request naming more is refused before Google. */
export const MAX_ACTION_IDS = 1000;

/** The action that puts things back; Undo sends it for exactly the items the first one changed. */
export const UNDO_OF: Readonly<Record<MailAction, MailAction>> = {
  archive: "unarchive",
  unarchive: "archive",
  markRead: "markUnread",
  markUnread: "markRead",
  star: "unstar",
  unstar: "star",
  trash: "untrash",
  untrash: "trash",
  addLabel: "removeLabel",
  removeLabel: "addLabel",
};

export type ActionRequest = {
  account?: string;
  action: MailAction;
  threadIds?: string[];
  messageIds?: string[];
  /** Only for addLabel / removeLabel. */
  labelId?: string;
};

export type ActionResult = { applied: number; failed: { id: string; code: string }[] };
