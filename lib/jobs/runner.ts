import "server-only";
// The loop that runs due jobs on this instance: look at the database every couple of seconds (one indexed
// query), and also wake at the earliest due time it knows of (from its last look, or from a job scheduled in
// this process), so a job due in 10 s starts on time rather than at the next poll. At most `concurrency`
// jobs run at once; while a job runs its lease is renewed, so only an instance that died lets it lapse.
import type { Job } from "@/generated/prisma/client";
import { logError, logWarn } from "../log";
import { metrics } from "../metrics/registry";
import { DEFAULT_MAX_ATTEMPTS, retryDelaySeconds } from "./backoff";
import { type Claimed, type Report, claimDueJobs, nextDueTime, renewLease, reportJob } from "./claim";
import { jobHandlerFor, registeredJobKinds } from "./handlers";
import { toJobRecord } from "./store";
import type { JobResult } from "./types";
import { noteJobScheduled, onJobScheduled } from "./wake";

export type JobRunnerOptions = {
  /** Jobs running at once on this instance. */
  concurrency?: number;
  /** How often the database is looked at when nothing is known to be due sooner. */
  pollMs?: number;
  /** How long a claim holds without renewal: an instance that dies mid-run gives its jobs up after this. */
  leaseMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
};

export type JobRunner = {
  /** Starts polling; the returned runner keeps running until stop(). */
  start(): void;
  /** Claims what is due now and waits for those jobs to finish; resolves with how many it claimed. */
  runDueJobs(): Promise<number>;
  /** Stops claiming; waits up to `waitMs` for jobs under way (a job not finished by then is resumed elsewhere). */
  stop(options?: { waitMs?: number }): Promise<void>;
};

// A send gives Gmail 15 s; a lease of 30 s, renewed every 10 s, outlives it, and a dead instance's jobs resume
// within half a minute.
const DEFAULTS = { concurrency: 4, pollMs: 2_000, leaseMs: 30_000 };

export function createJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const pollMs = options.pollMs ?? DEFAULTS.pollMs;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const now = options.now ?? Date.now;
  const running = new Set<Promise<void>>();
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let polling: Promise<Promise<void>[]> | undefined;
  let pollAgain = false;
  let unsubscribe: (() => void) | undefined;

  function wakeAt(at: number): void {
    if (!started || stopped || at >= timerAt) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timerAt = Infinity;
        void tick();
      },
      Math.max(0, at - Date.now()),
    );
    timer.unref();
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      // The claimed jobs run on; their slots free themselves (runClaimed).
      void Promise.allSettled(await poll());
      const next = await nextDueTime(registeredJobKinds());
      const at = now();
      metrics().jobsDueLag.set(next && next.getTime() <= at ? (at - next.getTime()) / 1000 : 0);
      // Due already but no free slot: a finishing job polls again (see runClaimed).
      const dueSoon = next && running.size < concurrency ? Math.max(next.getTime(), at) : Infinity;
      wakeAt(Math.min(Date.now() + pollMs, dueSoon + (Date.now() - at)));
    } catch (error) {
      logError("jobs.poll_failed", error);
      wakeAt(Date.now() + pollMs);
    }
  }

  /** One look at the database; concurrent calls share it (and ask for one more look after). */
  function poll(): Promise<Promise<void>[]> {
    if (polling) {
      pollAgain = true;
      return polling.then(() => []);
    }
    polling = (async () => {
      const finished: Promise<void>[] = [];
      do {
        pollAgain = false;
        const free = concurrency - running.size;
        if (stopped || free <= 0) break;
        const claimed = await claimDueJobs({ kinds: registeredJobKinds(), limit: free, now: new Date(now()), leaseMs });
        for (const claim of claimed) finished.push(runClaimed(claim));
      } while (pollAgain);
      return finished;
    })().finally(() => (polling = undefined));
    return polling;
  }

  function runClaimed(claim: Claimed): Promise<void> {
    const promise = execute(claim).finally(() => {
      running.delete(promise);
      // A slot is free: due jobs may be waiting for it.
      if (started && !stopped) wakeAt(Date.now());
    });
    running.add(promise);
    return promise;
  }

  async function execute({ row, leaseId, interrupted }: Claimed): Promise<void> {
    metrics().jobStartLag.observe({ kind: row.kind }, Math.max(0, now() - row.runAt.getTime()) / 1000);
    const heartbeat = setInterval(
      () =>
        void renewLease(row.id, leaseId, new Date(now() + leaseMs)).catch((error: unknown) => logError("jobs.lease_renewal_failed", error)),
      Math.max(1_000, leaseMs / 3),
    );
    heartbeat.unref();
    let result: JobResult;
    try {
      result = await runHandler(row, interrupted);
    } finally {
      clearInterval(heartbeat);
    }
    const report = reportFor(row, result);
    metrics().jobs.inc({ kind: row.kind, outcome: report.state === "scheduled" ? "retry" : report.state });
    if (report.state === "repeat") noteJobScheduled(report.runAt);
    try {
      const written = await reportJob(row.id, leaseId, report);
      if (!written) logWarn("jobs.lease_lost", { jobId: row.id, kind: row.kind });
    } catch (error) {
      // The lease will lapse and another attempt will be told it was interrupted.
      logError("jobs.report_failed", error, { jobId: row.id, kind: row.kind });
    }
  }

  async function runHandler(row: Job, interrupted: boolean): Promise<JobResult> {
    const handler = jobHandlerFor(row.kind);
    if (!handler) return { outcome: "retry", reason: "This server cannot run that job yet." };
    const record = toJobRecord(row);
    const payload = handler.payload.safeParse(record.payload);
    if (!payload.success) return { outcome: "failed", reason: "The job's saved data could not be read." };
    try {
      return await handler.run({ ...record, payload: payload.data }, { interrupted });
    } catch (error) {
      logError("jobs.handler_failed", error, { jobId: row.id, kind: row.kind });
      return { outcome: "retry", reason: "Something went wrong on our side; trying again." };
    }
  }

  function reportFor(row: Job, result: JobResult): Report {
    const at = new Date(now());
    if (result.outcome === "done") return { state: "done", at };
    if (result.outcome === "failed") return { state: "failed", at, reason: result.reason };
    if (result.outcome === "repeat") return { state: "repeat", runAt: result.runAt, payload: result.payload };
    const maxAttempts = jobHandlerFor(row.kind)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (row.attempts >= maxAttempts) return { state: "failed", at, reason: result.reason };
    return {
      state: "scheduled",
      reason: result.reason,
      runAt: new Date(at.getTime() + retryDelaySeconds(row.attempts, result.afterSeconds) * 1000),
    };
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      unsubscribe = onJobScheduled((runAt) => wakeAt(runAt.getTime() - now() + Date.now()));
      wakeAt(Date.now());
    },
    async runDueJobs() {
      const finished = await poll();
      await Promise.all(finished);
      return finished.length;
    },
    async stop({ waitMs = 2_000 } = {}) {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      await polling?.then(
        () => undefined,
        () => undefined,
      );
      if (running.size === 0 || waitMs <= 0) return;
      await Promise.race([Promise.all(running), new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
    },
  };
}
