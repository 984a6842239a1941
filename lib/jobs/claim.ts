import "server-only";
// The database side of running jobs. Every change to a claimed job is one conditional update, so instances
// sharing the database never both run a job: a claim matches the state and lease the instance read (count 1:
// it is ours; 0: another instance was first), and a report matches our lease id (0: our lease lapsed and
// another instance took the job over, so what we learnt is no longer ours to write).
import { randomUUID } from "node:crypto";
import type { Job } from "@/generated/prisma/client";
import { getDb } from "../db";

export type Claimed = { row: Job; leaseId: string; interrupted: boolean };

/** Claims up to `limit` due jobs of these kinds: scheduled ones whose time has come, and running ones whose lease lapsed. */
export async function claimDueJobs(options: { kinds: string[]; limit: number; now: Date; leaseMs: number }): Promise<Claimed[]> {
  const { kinds, limit, now, leaseMs } = options;
  if (limit <= 0 || kinds.length === 0) return [];
  const db = getDb();
  // More candidates than slots: another instance polling at the same moment takes some of the first ones.
  const candidates = await db.job.findMany({
    where: {
      kind: { in: kinds },
      OR: [
        { state: "scheduled", runAt: { lte: now } },
        { state: "running", leaseUntil: { lt: now } },
      ],
    },
    orderBy: { runAt: "asc" },
    take: limit * 3,
  });
  const claimed: Claimed[] = [];
  for (const candidate of candidates) {
    if (claimed.length >= limit) break;
    const leaseId = randomUUID();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const won = await db.job.updateMany({
      where: {
        id: candidate.id,
        state: candidate.state,
        leaseId: candidate.leaseId,
        ...(candidate.state === "scheduled" ? { runAt: { lte: now } } : { leaseUntil: { lt: now } }),
      },
      data: { state: "running", leaseId, leaseUntil, startedAt: now, attempts: { increment: 1 } },
    });
    if (won.count !== 1) continue;
    claimed.push({
      row: { ...candidate, state: "running", leaseId, leaseUntil, startedAt: now, attempts: candidate.attempts + 1 },
      leaseId,
      interrupted: candidate.state === "running",
    });
  }
  return claimed;
}

/** Keeps our claim alive while the handler runs; false when it is no longer ours. */
export async function renewLease(id: string, leaseId: string, until: Date): Promise<boolean> {
  const renewed = await getDb().job.updateMany({ where: { id, leaseId, state: "running" }, data: { leaseUntil: until } });
  return renewed.count === 1;
}

export type Report =
  | { state: "done"; at: Date }
  | { state: "failed"; at: Date; reason: string }
  | { state: "scheduled"; runAt: Date; reason: string }
  /** Due again with a new payload, as a fresh job (no attempts, no error). */
  | { state: "repeat"; runAt: Date; payload: unknown };

/** Writes the outcome of our attempt; false when our lease was taken over meanwhile (nothing written). */
export async function reportJob(id: string, leaseId: string, report: Report): Promise<boolean> {
  const released = { leaseId: null, leaseUntil: null };
  const data =
    report.state === "repeat"
      ? {
          ...released,
          state: "scheduled",
          runAt: report.runAt,
          payload: JSON.stringify(report.payload ?? null),
          attempts: 0,
          lastError: null,
        }
      : report.state === "scheduled"
        ? { ...released, state: "scheduled", runAt: report.runAt, lastError: report.reason }
        : { ...released, state: report.state, finishedAt: report.at, lastError: report.state === "failed" ? report.reason : null };
  const written = await getDb().job.updateMany({ where: { id, leaseId, state: "running" }, data });
  return written.count === 1;
}

/** When the runner should next look: the earliest time a waiting job is due, if any. */
export async function nextDueTime(kinds: string[]): Promise<Date | null> {
  if (kinds.length === 0) return null;
  const next = await getDb().job.findFirst({
    where: { kind: { in: kinds }, state: "scheduled" },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return next?.runAt ?? null;
}
