import "server-only";
// The user's labels, for the label tabs and for validating a requested label. Labels change rarely, so
// each account's list is kept for a minute instead of costing a Gmail round trip on every page.
import { gmailUsersFor } from "./gmail-client";
import { withMailbox } from "./mailbox-access";

export type MailLabel = { id: string; name: string; type: "system" | "user" };

/** The system labels Mailroom shows as tabs, in order, with the names users know them by. */
export const SYSTEM_TABS: readonly MailLabel[] = [
  { id: "INBOX", name: "Inbox", type: "system" },
  { id: "UNREAD", name: "Unread", type: "system" },
  { id: "STARRED", name: "Starred", type: "system" },
  { id: "SENT", name: "Sent", type: "system" },
  { id: "ALL", name: "All mail", type: "system" },
];

/** Gmail's system label ids that a list may be narrowed to. */
export const SYSTEM_LABEL_IDS = new Set(["INBOX", "UNREAD", "STARRED", "SENT", "IMPORTANT", "DRAFT", "SPAM", "TRASH", "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS"]);

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; labels: MailLabel[] }>();

export async function listUserLabels(userId: string): Promise<MailLabel[]> {
  const hit = cache.get(userId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.labels;
  const labels = await withMailbox(userId, "labels", async (accessToken) => {
    const { data } = await gmailUsersFor(accessToken).listLabels({ userId: "me" });
    return (data.labels ?? [])
      .filter((label): label is typeof label & { id: string; name: string } => label.type === "user" && Boolean(label.id && label.name))
      .map((label) => ({ id: label.id, name: label.name, type: "user" as const }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
  cache.set(userId, { at: Date.now(), labels });
  return labels;
}
