import "server-only";
// The Gmail label a snoozed conversation carries, `Mailroom/Snoozed`: Gmail's own SNOOZED label is not in its
// API, so Mailroom marks snoozes with a visible user label of its own, and Gmail's apps show them too. It is
// created the first time an account snoozes (found by name if it exists, whoever made it), and its id is
// remembered per account so a snooze costs no labels.list.
import type { Account } from "@/generated/prisma/client";
import { statusOf } from "../gmail/gmail-errors";
import { gmailUsersFor } from "../gmail/gmail-client";
import { withAccount } from "../gmail/mailbox-access";

export const SNOOZED_LABEL_NAME = "Mailroom/Snoozed";

const SHARED = Symbol.for("mailroom.snoozedLabelIds");
const known = ((globalThis as { [SHARED]?: Map<string, string> })[SHARED] ??= new Map<string, string>());

async function findByName(accessToken: string): Promise<string | null> {
  const { data } = await gmailUsersFor(accessToken).listLabels({ userId: "me" });
  // Gmail's label names are unique regardless of case.
  const wanted = SNOOZED_LABEL_NAME.toLowerCase();
  return data.labels?.find((label) => label.name?.toLowerCase() === wanted)?.id ?? null;
}

/** The label's id in this account, or null when the account never snoozed anything (nothing is created). */
export async function findSnoozedLabelId(account: Account): Promise<string | null> {
  const cached = known.get(account.id);
  if (cached) return cached;
  const id = await withAccount(account, "labels", findByName);
  if (id) known.set(account.id, id);
  return id;
}

/** The label's id in this account, creating the label first when it does not exist. */
export async function ensureSnoozedLabelId(account: Account): Promise<string> {
  const cached = known.get(account.id);
  if (cached) return cached;
  const id = await withAccount(account, "labels", async (accessToken) => {
    const found = await findByName(accessToken);
    if (found) return found;
    try {
      const { data } = await gmailUsersFor(accessToken).createLabel({
        userId: "me",
        requestBody: { name: SNOOZED_LABEL_NAME, labelListVisibility: "labelShow", messageListVisibility: "show" },
      });
      if (!data.id) throw new Error("Gmail created the label without an id");
      return data.id;
    } catch (error) {
      // 409: another request (or instance) created it a moment ago.
      if (statusOf(error) !== 409) throw error;
      const again = await findByName(accessToken);
      if (!again) throw error;
      return again;
    }
  });
  known.set(account.id, id);
  return id;
}

/** Forgets the remembered id (the label was deleted in Gmail: the next snooze finds or creates it again). */
export function forgetSnoozedLabelId(accountId: string): void {
  known.delete(accountId);
}
