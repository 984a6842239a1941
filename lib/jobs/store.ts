import "server-only";
// Jobs in the database: scheduling, cancelling and listing them for their user. Running them is runner.ts's.
import type { Job } from "@/generated/prisma/client";
import { getDb } from "../db";
import { type JobRecord, type JobState, JOB_STATES } from "./types";
import { noteJobScheduled } from "./wake";

export function toJobRecord(row: Job): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    userId: row.userId,
    accountId: row.accountId,
    payload: parsePayload(row.payload),
    runAt: row.runAt,
    state: jobState(row.state),
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function jobState(value: string): JobState {
  return (JOB_STATES as readonly string[]).includes(value) ? (value as JobState) : "failed";
}

const FINISHED: JobState[] = ["done", "failed", "cancelled"];

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

export type ScheduleJobOptions = {
  kind: string;
  userId: string;
  accountId: string;
  payload: unknown;
  runAt: Date;
  /**
   * At most one job per user, kind and key: while one with this key waits or runs, scheduling again returns
   * it unchanged (a double click sends once); a finished one is scheduled afresh.
   */
  key?: string;
};

export async function scheduleJob(options: ScheduleJobOptions): Promise<JobRecord> {
  const db = getDb();
  const fresh = {
    accountId: options.accountId,
    payload: JSON.stringify(options.payload ?? null),
    runAt: options.runAt,
    state: "scheduled",
    attempts: 0,
    lastError: null,
    leaseId: null,
    leaseUntil: null,
    startedAt: null,
    finishedAt: null,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const row = await db.job.create({ data: { ...fresh, kind: options.kind, userId: options.userId, key: options.key ?? null } });
      noteJobScheduled(row.runAt);
      return toJobRecord(row);
    } catch (error) {
      if (!isUniqueViolation(error) || options.key === undefined) throw error;
    }
    const where = { userId_kind_key: { userId: options.userId, kind: options.kind, key: options.key } };
    const existing = await db.job.findUnique({ where });
    if (!existing) continue; // removed meanwhile: create again
    if (!FINISHED.includes(jobState(existing.state))) return toJobRecord(existing);
    // Reuse the finished row for the new request, unless someone else just did.
    const reused = await db.job.updateMany({
      where: { id: existing.id, state: existing.state, updatedAt: existing.updatedAt },
      data: fresh,
    });
    if (reused.count === 1) {
      noteJobScheduled(options.runAt);
      return toJobRecord(await db.job.findUniqueOrThrow({ where: { id: existing.id } }));
    }
  }
  throw new Error("could not schedule the job: its key kept changing hands");
}

export type CancelOutcome = "cancelled" | "not_found" | "already_running" | "finished";

/** Cancels a job of this user that has not started; one that is running or finished is left as it is. */
export async function cancelJob({ id, userId }: { id: string; userId: string }): Promise<CancelOutcome> {
  const db = getDb();
  const now = new Date();
  const cancelled = await db.job.updateMany({
    where: { id, userId, state: "scheduled" },
    data: { state: "cancelled", finishedAt: now, leaseId: null, leaseUntil: null },
  });
  if (cancelled.count === 1) return "cancelled";
  const row = await db.job.findFirst({ where: { id, userId }, select: { state: true } });
  if (!row) return "not_found";
  return row.state === "running" ? "already_running" : "finished";
}

export type ListJobsOptions = { userId: string; accountId?: string; kinds?: string[]; states?: JobState[] };

/** The user's jobs, soonest first. */
export async function listJobs(options: ListJobsOptions): Promise<JobRecord[]> {
  const rows = await getDb().job.findMany({
    where: {
      userId: options.userId,
      ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
      ...(options.kinds ? { kind: { in: options.kinds } } : {}),
      ...(options.states ? { state: { in: options.states } } : {}),
    },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map(toJobRecord);
}

export async function getJob(id: string): Promise<JobRecord | null> {
  const row = await getDb().job.findUnique({ where: { id } });
  return row ? toJobRecord(row) : null;
}

/** Clears a failed job of this user from what is shown (the user has read why it failed); false if none. */
export async function dismissFailedJob({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const dismissed = await getDb().job.updateMany({ where: { id, userId, state: "failed" }, data: { state: "cancelled" } });
  return dismissed.count === 1;
}

/** The job of this user, kind and key (see ScheduleJobOptions.key), in whatever state, or null. */
export async function findJobByKey({ userId, kind, key }: { userId: string; kind: string; key: string }): Promise<JobRecord | null> {
  const row = await getDb().job.findUnique({ where: { userId_kind_key: { userId, kind, key } } });
  return row ? toJobRecord(row) : null;
}

/** Brings a waiting job of this user forward (or back) to `runAt`; false when it no longer waits. */
export async function moveJob({ id, userId, runAt }: { id: string; userId: string; runAt: Date }): Promise<boolean> {
  const moved = await getDb().job.updateMany({ where: { id, userId, state: "scheduled" }, data: { runAt } });
  if (moved.count === 1) noteJobScheduled(runAt);
  return moved.count === 1;
}
