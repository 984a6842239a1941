import "server-only";
// Snooze and Unsnooze (POST /api/actions). Snoozing takes conversations out of the inbox and puts the
// Mailroom/Snoozed label on them (one batch of threads.modify), then schedules one `snooze` job per
// conversation at its wake time (snoozing again moves it) and makes sure the account's reply check runs.
// Unsnoozing cancels those jobs and brings the conversations back to the inbox at once.
import type { Account } from "@/generated/prisma/client";
import { AppError } from "../errors";
import { ScopeRequiredError, grantsGmailModify } from "../gmail/actions/modify-scope";
import { GmailLabel } from "../gmail/labels";
import { currentHistoryId } from "../gmail/history";
import { withAccount } from "../gmail/mailbox-access";
import { cancelJob, findJobByKey, scheduleJob } from "../jobs";
import type { ActionResult } from "../mail/mail-actions";
import { noteMailboxChanged } from "../sync/page-cache-list";
import { modifyThreads } from "./modify-threads";
import { CHECK_INTERVAL_MS } from "./check-job";
import {
  SNOOZE_CHECK_JOB_KIND,
  SNOOZE_JOB_KIND,
  type SnoozeCheckPayload,
  type SnoozePayload,
  snoozeCheckJobKey,
  snoozeJobKey,
} from "./snooze-jobs";
import { ensureSnoozedLabelId, findSnoozedLabelId, forgetSnoozedLabelId } from "./snoozed-label";

export type SnoozeOptions = {
  account: Account;
  action: "snooze" | "unsnooze";
  threadIds: readonly string[];
  /** Required for snooze (the request schema checked it is a future time within a year). */
  until?: string | undefined;
  returnTo?: string | null | undefined;
  now?: number;
};

export async function applySnoozeAction(options: SnoozeOptions): Promise<ActionResult> {
  const { account } = options;
  const scopeRequired = (cause?: unknown) => new ScopeRequiredError({ account: account.email, returnTo: options.returnTo, cause });
  if (!grantsGmailModify(account.scope)) throw scopeRequired();
  const threadIds = [...new Set(options.threadIds)];
  if (threadIds.length === 0) return { applied: 0, failed: [] };
  const result =
    options.action === "snooze" ? await snooze(options, threadIds, scopeRequired) : await unsnooze(account, threadIds, scopeRequired);
  if (result.applied > 0) noteMailboxChanged(account.id);
  return result;
}

async function snooze(options: SnoozeOptions, threadIds: string[], scopeRequired: (cause?: unknown) => Error): Promise<ActionResult> {
  const { account } = options;
  const wakeAt = new Date(options.until ?? "");
  const now = options.now ?? Date.now();
  if (!Number.isFinite(wakeAt.getTime()) || wakeAt.getTime() <= now) {
    throw new AppError("bad_request", "Invalid request: until is in the past; choose a later time.");
  }
  let labelId = await ensureSnoozedLabelId(account);
  const change = () => ({ add: [labelId], remove: [GmailLabel.INBOX] });
  let result: ActionResult;
  try {
    result = await modifyThreads(account, threadIds, change(), scopeRequired);
  } catch (error) {
    // Every part refused as invalid: most likely the label was deleted in Gmail since we learnt its id.
    if (!(error instanceof AppError && error.code === "bad_request")) throw error;
    forgetSnoozedLabelId(account.id);
    labelId = await ensureSnoozedLabelId(account);
    result = await modifyThreads(account, threadIds, change(), scopeRequired);
  }
  const failed = new Set(result.failed.map((failure) => failure.id));
  const snoozed = threadIds.filter((id) => !failed.has(id));
  if (snoozed.length === 0) return result;

  // Replies count from here: a message that arrived before the snooze does not wake it.
  const historyId = await withAccount(account, "labels", currentHistoryId);
  for (const threadId of snoozed) {
    const payload: SnoozePayload = { threadId, until: wakeAt.toISOString(), labelId, historyId };
    await rescheduleSnooze(account, threadId, payload, wakeAt);
  }
  const check: SnoozeCheckPayload = { historyId };
  // Already checking (an earlier snooze): that job keeps its older position, which covers this one too.
  await scheduleJob({
    kind: SNOOZE_CHECK_JOB_KIND,
    userId: account.userId,
    accountId: account.id,
    payload: check,
    runAt: new Date(now + CHECK_INTERVAL_MS),
    key: snoozeCheckJobKey(account.id),
  });
  return result;
}

/** One job per conversation: a waiting one is cancelled and its row scheduled afresh with the new time. */
async function rescheduleSnooze(account: Account, threadId: string, payload: SnoozePayload, runAt: Date): Promise<void> {
  const key = snoozeJobKey(account.id, threadId);
  const existing = await findJobByKey({ userId: account.userId, kind: SNOOZE_JOB_KIND, key });
  if (existing?.state === "scheduled") await cancelJob({ id: existing.id, userId: account.userId });
  await scheduleJob({ kind: SNOOZE_JOB_KIND, userId: account.userId, accountId: account.id, payload, runAt, key });
}

async function unsnooze(account: Account, threadIds: string[], scopeRequired: (cause?: unknown) => Error): Promise<ActionResult> {
  for (const threadId of threadIds) {
    const existing = await findJobByKey({ userId: account.userId, kind: SNOOZE_JOB_KIND, key: snoozeJobKey(account.id, threadId) });
    if (existing?.state === "scheduled") await cancelJob({ id: existing.id, userId: account.userId });
  }
  const labelId = await findSnoozedLabelId(account);
  return modifyThreads(account, threadIds, { add: [GmailLabel.INBOX], remove: labelId ? [labelId] : [] }, scopeRequired);
}
