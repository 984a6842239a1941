import "server-only";
// The `snooze` job: at its wake time (or earlier, when check-job.ts finds a reply) the conversation returns to
// the inbox, unread, without the Mailroom/Snoozed label: one threads.modify, which is idempotent, so an
// attempt resumed after a crash simply makes it again. A conversation deleted meanwhile has nothing to wake.
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError } from "../errors";
import { grantsGmailModify } from "../gmail/actions/modify-scope";
import { GmailLabel } from "../gmail/labels";
import { isRetryableNetworkError } from "../gmail/retry-policy";
import type { JobHandler, JobResult } from "../jobs";
import { noteMailboxChanged } from "../sync/page-cache-list";
import { modifyThreads } from "./modify-threads";
import { SNOOZE_JOB_KIND, type SnoozePayload, snoozePayload } from "./snooze-jobs";

const REASONS = {
  accountGone: "The snoozed conversation could not come back: its account is no longer linked to Mailroom.",
  noPermission: "The snoozed conversation could not come back: Mailroom is no longer allowed to change this account's mail.",
  unavailable: "Gmail is not answering; Mailroom will try again.",
} as const;

const noPermission = () => new AppError("scope_required", REASONS.noPermission);

async function wake(account: Account, payload: SnoozePayload): Promise<JobResult> {
  const back = { add: [GmailLabel.INBOX, GmailLabel.UNREAD], remove: [payload.labelId] };
  try {
    const result = await modifyThreads(account, [payload.threadId], back, noPermission);
    if (result.applied === 0) return { outcome: "retry", reason: REASONS.unavailable };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "not_found") return { outcome: "done" };
      // Gmail refuses a label that no longer exists (deleted by its user): wake it without taking it off.
      if (error.code === "bad_request") await modifyThreads(account, [payload.threadId], { ...back, remove: [] }, noPermission);
      else if (error.code === "scope_required" || error.code === "reauth_required")
        return { outcome: "failed", reason: REASONS.noPermission };
      else if (error.code === "rate_limited" || error.status >= 500) {
        return {
          outcome: "retry",
          reason: REASONS.unavailable,
          ...(error.retryAfterSeconds ? { afterSeconds: error.retryAfterSeconds } : {}),
        };
      } else throw error;
    } else if (isRetryableNetworkError(error)) return { outcome: "retry", reason: REASONS.unavailable };
    else throw error;
  }
  noteMailboxChanged(account.id);
  return { outcome: "done" };
}

export const snoozeJobHandler: JobHandler<SnoozePayload> = {
  kind: SNOOZE_JOB_KIND,
  payload: snoozePayload,
  async run(job) {
    const account = await getDb().account.findUnique({ where: { id: job.accountId } });
    if (!account || account.userId !== job.userId) return { outcome: "failed", reason: REASONS.accountGone };
    if (!grantsGmailModify(account.scope)) return { outcome: "failed", reason: REASONS.noPermission };
    return wake(account, job.payload);
  },
};
