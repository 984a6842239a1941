import "server-only";
// A list narrowed to a user label must name one of the account's own labels; system labels are known
// without asking Gmail.
import { AppError } from "../errors";
import { listUserLabels } from "../gmail/list-labels";
import type { Account } from "@/generated/prisma/client";

export async function assertKnownLabel(account: Account, label: string): Promise<void> {
  if (!label.startsWith("Label_")) return;
  const known = (labels: { id: string }[]) => labels.some((candidate) => candidate.id === label);
  // The cached list may predate the label (created a moment ago, by Snooze or in Gmail): ask once more.
  if (!known(await listUserLabels(account)) && !known(await listUserLabels(account, { fresh: true }))) {
    throw new AppError("bad_request", "Invalid request: label is not one of your labels.");
  }
}
