// The shapes the rest of the code sees of a job (lib/jobs/index.ts re-exports them).
import type { z } from "zod";

export type JobState = "scheduled" | "running" | "done" | "failed" | "cancelled";

export const JOB_STATES: readonly JobState[] = ["scheduled", "running", "done", "failed", "cancelled"];

export interface JobRecord {
  id: string;
  kind: string;
  userId: string;
  accountId: string;
  payload: unknown;
  runAt: Date;
  state: JobState;
  attempts: number;
  /** Why the last attempt did not succeed, in words safe to show the user. */
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export type JobResult =
  | { outcome: "done" }
  /** Try again later: after `afterSeconds` when the other side said when (Retry-After), else after a backoff. */
  | { outcome: "retry"; afterSeconds?: number; reason: string }
  /** Give up for good; `reason` is kept as the job's lastError, for its kind to put into words. */
  | { outcome: "failed"; reason: string }
  /**
   * Done for now, and due again at `runAt` with this payload (a periodic job that carries its position, like
   * snooze's check for replies): the same job waits again, its attempts start afresh.
   */
  | { outcome: "repeat"; runAt: Date; payload: unknown };

export interface JobRunContext {
  /**
   * An earlier attempt was claimed and never reported back (its instance died mid-run): its effect may or may
   * not have happened, so check before doing it again.
   */
  interrupted: boolean;
}

export interface JobHandler<P> {
  kind: string;
  payload: z.ZodType<P>;
  /** Attempts before a job that keeps asking to retry fails with its last reason (default 8). */
  maxAttempts?: number;
  run(job: JobRecord & { payload: P }, context: JobRunContext): Promise<JobResult>;
}
