import "server-only";
// The sends a user is waiting on, and the ones that failed for good (each stays listed, with its reason,
// until the user dismisses it: the draft is still in Gmail to fix and send again). Cancelling a waiting send
// is Undo send, and cancelling a send later; the draft stays a draft either way.
import { AppError } from "../errors";
import { type JobRecord, cancelJob, dismissFailedJob, getJob, listJobs } from "../jobs";
import { type SendFailure, isSendFailure, sendFailureSentence } from "./send-failure";
import { SEND_JOB_KIND, sendPayload } from "./send-job";

export type ScheduledSendRow = {
  id: string;
  draftId: string;
  sendAt: string;
  undoUntil: string;
  state: "scheduled" | "running" | "failed";
  /** Why it failed, in English (the API's language); `reasonCode` says it for a page in any language. */
  reason?: string;
  reasonCode?: SendFailure;
  to?: string[];
  subject?: string;
  /** The account it is sent from (the All accounts view lists several). */
  accountId: string;
};

function reasonOf(lastError: string): Pick<ScheduledSendRow, "reason" | "reasonCode"> {
  // A send that failed before reasons were codes kept its English sentence.
  return isSendFailure(lastError) ? { reason: sendFailureSentence(lastError), reasonCode: lastError } : { reason: lastError };
}

function toRow(job: JobRecord): ScheduledSendRow | null {
  const payload = sendPayload.safeParse(job.payload);
  if (!payload.success || (job.state !== "scheduled" && job.state !== "running" && job.state !== "failed")) return null;
  return {
    id: job.id,
    draftId: payload.data.draftId,
    sendAt: job.runAt.toISOString(),
    undoUntil: payload.data.undoUntil,
    state: job.state,
    ...(job.state === "failed" && job.lastError ? reasonOf(job.lastError) : {}),
    ...(payload.data.to ? { to: payload.data.to } : {}),
    ...(payload.data.subject !== undefined ? { subject: payload.data.subject } : {}),
    accountId: job.accountId,
  };
}

/** Waiting, sending and failed sends of the user (of one account, or all of them), soonest first. */
export async function listScheduledSends(options: { userId: string; accountId?: string }): Promise<ScheduledSendRow[]> {
  const jobs = await listJobs({ ...options, kinds: [SEND_JOB_KIND], states: ["scheduled", "running", "failed"] });
  return jobs.map(toRow).filter((row): row is ScheduledSendRow => row !== null);
}

/** The user's sends that failed for good and are not dismissed yet, newest due first: what the notice names. */
export async function failedSends(userId: string): Promise<ScheduledSendRow[]> {
  const jobs = await listJobs({ userId, kinds: [SEND_JOB_KIND], states: ["failed"] });
  return jobs
    .map(toRow)
    .filter((row): row is ScheduledSendRow => row !== null)
    .reverse();
}

/** Cancels a waiting send (or dismisses a failed one) of this user; another user's is not found. */
export async function cancelScheduledSend({ id, userId }: { id: string; userId: string }): Promise<{ cancelled: { id: string } }> {
  const job = await getJob(id);
  if (!job || job.userId !== userId || job.kind !== SEND_JOB_KIND) throw new AppError("not_found", "There is no such scheduled message.");
  if (job.state === "failed") {
    await dismissFailedJob({ id, userId });
    return { cancelled: { id } };
  }
  const outcome = job.state === "cancelled" ? "cancelled" : await cancelJob({ id, userId });
  if (outcome === "cancelled") return { cancelled: { id } };
  if (outcome === "already_running") throw new AppError("conflict", "This message is being sent right now and can no longer be stopped.");
  if (outcome === "not_found") throw new AppError("not_found", "There is no such scheduled message.");
  throw new AppError("conflict", "This message has already been sent.");
}
