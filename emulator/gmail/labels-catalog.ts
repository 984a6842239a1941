/** A Gmail label as labels.list shows it. */
export interface Label {
  id: string;
  name: string;
  messageListVisibility?: "show" | "hide";
  labelListVisibility?: "labelShow" | "labelShowIfUnread" | "labelHide";
  type: "system" | "user";
  color?: { textColor: string; backgroundColor: string };
}

/** System labels in the order Gmail lists them; CATEGORY_* and UNREAD carry no visibility fields. */
export const SYSTEM_LABELS: readonly Label[] = [
  { id: "CHAT", name: "CHAT", messageListVisibility: "hide", labelListVisibility: "labelHide", type: "system" },
  { id: "SENT", name: "SENT", type: "system" },
  { id: "INBOX", name: "INBOX", type: "system" },
  { id: "IMPORTANT", name: "IMPORTANT", messageListVisibility: "hide", labelListVisibility: "labelShow", type: "system" },
  { id: "TRASH", name: "TRASH", messageListVisibility: "hide", labelListVisibility: "labelHide", type: "system" },
  { id: "DRAFT", name: "DRAFT", type: "system" },
  { id: "SPAM", name: "SPAM", messageListVisibility: "hide", labelListVisibility: "labelHide", type: "system" },
  { id: "CATEGORY_FORUMS", name: "CATEGORY_FORUMS", type: "system" },
  { id: "CATEGORY_UPDATES", name: "CATEGORY_UPDATES", type: "system" },
  { id: "CATEGORY_PERSONAL", name: "CATEGORY_PERSONAL", type: "system" },
  { id: "CATEGORY_PROMOTIONS", name: "CATEGORY_PROMOTIONS", type: "system" },
  { id: "CATEGORY_SOCIAL", name: "CATEGORY_SOCIAL", type: "system" },
  { id: "STARRED", name: "STARRED", type: "system" },
  { id: "UNREAD", name: "UNREAD", type: "system" },
];

/** Labels a client may not add or remove with modify (Gmail answers 400). */
export const IMMUTABLE_LABELS = new Set(["DRAFT", "SENT", "CHAT"]);

export function userLabel(id: string, name: string, color?: Label["color"]): Label {
  return { id, name, messageListVisibility: "show", labelListVisibility: "labelShow", type: "user", ...(color ? { color } : {}) };
}
