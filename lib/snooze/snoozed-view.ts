import "server-only";
// The Snoozed view (`label=SNOOZED`): the conversations carrying Mailroom/Snoozed at Gmail, with the wake
// times from their jobs.
import type { Account } from "@/generated/prisma/client";
import { SNOOZED_VIEW } from "../gmail/labels";
import { findSnoozedLabelId } from "./snoozed-label";
import { listSnoozes } from "./snoozes";

/**
 * The Gmail label to list for a view: the Snoozed view's label id, or null when the account has never snoozed
 * anything (an empty view, nothing created); any other view as it is.
 */
export async function gmailLabelForView(account: Account, view: string): Promise<string | null> {
  return view === SNOOZED_VIEW ? findSnoozedLabelId(account) : view;
}

/** When each of the account's snoozed conversations wakes (ISO times, by thread id). */
export async function wakeTimes(account: Account): Promise<Record<string, string>> {
  const snoozes = await listSnoozes({ userId: account.userId, accountId: account.id });
  return Object.fromEntries(snoozes.map((snooze) => [snooze.threadId, snooze.until]));
}
