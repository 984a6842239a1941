import "server-only";
// A list narrowed to a user label must name one of the account's own labels; system labels are known
// without asking Gmail.
import { AppError } from "../errors";
import { listUserLabels } from "../gmail/list-labels";
import type { Account } from "@/generated/prisma/client";

export async function assertKnownLabel(account: Account, label: string): Promise<void> {
  if (!label.startsWith("Label_")) return;
  const labels = await listUserLabels(account);
  if (!labels.some((candidate) => candidate.id === label)) {
    throw new AppError("bad_request", "Invalid request: label is not one of your labels.");
  }
}
