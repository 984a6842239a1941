import "server-only";
// The `snooze-check` job: wakes a snoozed conversation as soon as someone replies in it, with no browser open.
//
// Why a periodic job per account rather than the live feed alone: Mailroom reads an account's changes (push
// or history polling) only while someone has its inbox open, and Gmail's push reaches us only while a watch
// lasts, yet a reply must wake a conversation at night with every browser closed. So while an account has
// snoozes, one durable job reads its history (one history.list, the cheapest Gmail read) every
// CHECK_INTERVAL_MS from where it last stopped, and stops once no snooze is left. A push from Gmail brings the
// check forward (nudgeSnoozeCheck), so with a live watch a reply wakes the conversation within seconds.
//
// A message wakes its conversation when it was added after the snooze and is not one the account sent (Gmail
// wakes a snooze on replies, not on the person's own message in it): it carries neither SENT nor DRAFT.
import type { gmail_v1 } from "@googleapis/gmail";
import { getDb } from "../db";
import { GmailLabel } from "../gmail/labels";
import { currentHistoryId, readHistory } from "../gmail/history";
import { withAccount } from "../gmail/mailbox-access";
import { type JobHandler, type JobRecord, findJobByKey, listJobs, moveJob } from "../jobs";
import { logWarn } from "../log";
import {
  SNOOZE_CHECK_JOB_KIND,
  SNOOZE_JOB_KIND,
  type SnoozeCheckPayload,
  snoozeCheckJobKey,
  snoozeCheckPayload,
  snoozePayload,
} from "./snooze-jobs";

/** How often an account with snoozes has its history read for replies when no push brings it forward. */
export const CHECK_INTERVAL_MS = 60_000;

/** More history than this between two looks (thousands of changes) is skipped: the position starts over. */
const MAX_HISTORY_PAGES = 5;

function historyAfter(a: string, b: string): boolean {
  try {
    return BigInt(a) > BigInt(b);
  } catch {
    return false;
  }
}

/** The conversations that got a message from someone else, with the history position it arrived at. */
export function repliesIn(records: readonly gmail_v1.Schema$History[]): { threadId: string; historyId: string }[] {
  const replies: { threadId: string; historyId: string }[] = [];
  for (const record of records) {
    for (const added of record.messagesAdded ?? []) {
      const { threadId, labelIds } = added.message ?? {};
      if (!threadId || !record.id) continue;
      if (labelIds?.includes(GmailLabel.SENT) || labelIds?.includes(GmailLabel.DRAFT)) continue;
      replies.push({ threadId, historyId: record.id });
    }
  }
  return replies;
}

async function wakeReplied(snoozes: JobRecord[], replies: { threadId: string; historyId: string }[], userId: string): Promise<void> {
  const now = new Date();
  for (const job of snoozes) {
    const payload = snoozePayload.safeParse(job.payload);
    if (!payload.success) continue;
    const since = payload.data.historyId;
    const replied = replies.some((reply) => reply.threadId === payload.data.threadId && (!since || historyAfter(reply.historyId, since)));
    if (replied) await moveJob({ id: job.id, userId, runAt: now });
  }
}

export const snoozeCheckJobHandler: JobHandler<SnoozeCheckPayload> = {
  kind: SNOOZE_CHECK_JOB_KIND,
  payload: snoozeCheckPayload,
  async run(job) {
    const snoozes = await listJobs({ userId: job.userId, accountId: job.accountId, kinds: [SNOOZE_JOB_KIND], states: ["scheduled"] });
    if (snoozes.length === 0) return { outcome: "done" };
    const account = await getDb().account.findUnique({ where: { id: job.accountId } });
    if (!account || account.userId !== job.userId) return { outcome: "done" };
    const read = await withAccount(account, "labels", (accessToken) =>
      readHistory(accessToken, job.payload.historyId, { maxPages: MAX_HISTORY_PAGES }),
    );
    let historyId = job.payload.historyId;
    if (read.kind === "records") {
      await wakeReplied(snoozes, repliesIn(read.records), job.userId);
      historyId = read.historyId;
    } else if (read.kind === "too_many") {
      historyId = read.historyId;
      logWarn("snooze.check_skipped", { accountId: account.id, reason: "too_many_changes" });
    } else {
      // Gmail no longer keeps history that old: replies in between cannot be found; go on from now.
      historyId = await withAccount(account, "labels", currentHistoryId);
      logWarn("snooze.check_skipped", { accountId: account.id, reason: "history_expired" });
    }
    return { outcome: "repeat", runAt: new Date(Date.now() + CHECK_INTERVAL_MS), payload: { historyId } satisfies SnoozeCheckPayload };
  },
};

/** Gmail said this account's mailbox changed: look for replies now rather than at the next interval. */
export async function nudgeSnoozeCheck(accountId: string): Promise<void> {
  const account = await getDb().account.findUnique({ where: { id: accountId }, select: { userId: true } });
  if (!account) return;
  const waiting = await findJobByKey({ userId: account.userId, kind: SNOOZE_CHECK_JOB_KIND, key: snoozeCheckJobKey(accountId) });
  if (waiting?.state === "scheduled") await moveJob({ id: waiting.id, userId: account.userId, runAt: new Date() });
}
