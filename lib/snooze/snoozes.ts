import "server-only";
// A user's snoozed conversations and when each wakes, for the Snoozed view: the waiting `snooze` jobs are
// the record (one per conversation), so the view and the clock cannot disagree.
import { listJobs } from "../jobs";
import { SNOOZE_JOB_KIND, snoozePayload } from "./snooze-jobs";

export type Snooze = { accountId: string; threadId: string; until: string };

export async function listSnoozes(options: { userId: string; accountId?: string }): Promise<Snooze[]> {
  const jobs = await listJobs({ ...options, kinds: [SNOOZE_JOB_KIND], states: ["scheduled", "running"] });
  return jobs.flatMap((job) => {
    const payload = snoozePayload.safeParse(job.payload);
    return payload.success ? [{ accountId: job.accountId, threadId: payload.data.threadId, until: payload.data.until }] : [];
  });
}
