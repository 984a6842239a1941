import "server-only";
// The user's labels, for the label tabs and for validating a requested label. Labels change rarely, so
// each account's list is kept for a minute instead of costing a Gmail round trip on every page.
import type { Account } from "@/generated/prisma/client";
import { gmailUsersFor } from "./gmail-client";
import { withAccount } from "./mailbox-access";

export type MailLabel = { id: string; name: string; type: "system" | "user" };

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; labels: MailLabel[] }>();

/** `fresh`: ask Gmail even when the list is cached (a label may have been created in the last minute). */
export async function listUserLabels(account: Account, options: { fresh?: boolean } = {}): Promise<MailLabel[]> {
  // Keyed by the Google account: each mailbox has its own labels.
  const hit = cache.get(account.id);
  if (hit && !options.fresh && Date.now() - hit.at < TTL_MS) return hit.labels;
  const labels = await withAccount(account, "labels", async (accessToken) => {
    const { data } = await gmailUsersFor(accessToken).listLabels({ userId: "me" });
    return (data.labels ?? [])
      .filter((label): label is typeof label & { id: string; name: string } => label.type === "user" && Boolean(label.id && label.name))
      .map((label) => ({ id: label.id, name: label.name, type: "user" as const }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
  cache.set(account.id, { at: Date.now(), labels });
  return labels;
}
