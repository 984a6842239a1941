// The job runner on the database the suite runs on (SQLite, or PostgreSQL with MAILROOM_TEST_POSTGRES_URL):
// what a user relies on is that a scheduled job runs once, even across restarts, crashes and instances.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { metrics } from "../metrics/registry";
import { type JobRunContext, cancelJob, listJobs, registerJobHandler, scheduleJob } from "./index";
import { createJobRunner } from "./runner";

useIntegrationEnvironment();

async function owner(email = "ada@example.com"): Promise<{ userId: string; accountId: string }> {
  const user = await getDb().user.upsert({ where: { email }, create: { email }, update: {} });
  const account = await getDb().account.create({
    data: { userId: user.id, type: "oauth", provider: "google", providerAccountId: `${email}-${Math.random()}`, email },
  });
  return { userId: user.id, accountId: account.id };
}

const payload = z.object({ n: z.number() });
let kindCounter = 0;
const uniqueKind = (name: string) => `test-${name}-${++kindCounter}`;

async function job(id: string) {
  return getDb().job.findUniqueOrThrow({ where: { id } });
}

describe("the job runner", () => {
  it("a job scheduled before a restart runs on a new runner", async () => {
    const me = await owner();
    const kind = uniqueKind("restart");
    const ran: number[] = [];
    registerJobHandler({ kind, payload, run: (record) => (ran.push(record.payload.n), Promise.resolve({ outcome: "done" })) });
    const t0 = Date.now();
    const first = createJobRunner({ now: () => t0 });
    const scheduled = await scheduleJob({ kind, ...me, payload: { n: 7 }, runAt: new Date(t0 + 10_000) });
    expect(await first.runDueJobs()).toBe(0); // not due yet
    await first.stop();

    const second = createJobRunner({ now: () => t0 + 10_000 });
    expect(await second.runDueJobs()).toBe(1);
    expect(ran).toEqual([7]);
    const row = await job(scheduled.id);
    expect(row.state).toBe("done");
    expect(row.finishedAt).not.toBeNull();
  });

  it("two runners racing over 50 due jobs run each exactly once", async () => {
    const me = await owner();
    const kind = uniqueKind("race");
    const runs = new Map<number, number>();
    registerJobHandler({
      kind,
      payload,
      run: async (record) => {
        runs.set(record.payload.n, (runs.get(record.payload.n) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { outcome: "done" };
      },
    });
    const past = new Date(Date.now() - 1_000);
    for (let n = 0; n < 50; n++) await scheduleJob({ kind, ...me, payload: { n }, runAt: past });
    const drain = async (runner: ReturnType<typeof createJobRunner>) => {
      while ((await runner.runDueJobs()) > 0);
    };
    const a = createJobRunner({ concurrency: 5 });
    const b = createJobRunner({ concurrency: 5 });
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    expect(runs.size).toBe(50);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(await getDb().job.count({ where: { kind, state: "done" } })).toBe(50);
  });

  it("a claim whose instance died is resumed by another runner, told it was interrupted", async () => {
    const me = await owner();
    const kind = uniqueKind("crash");
    const contexts: JobRunContext[] = [];
    let releaseCrashed: (() => void) | undefined;
    registerJobHandler({
      kind,
      payload,
      run: async (_record, context) => {
        contexts.push(context);
        // The first attempt never returns while its instance is "alive": it stands for a process killed mid-run.
        if (contexts.length === 1) await new Promise<void>((resolve) => (releaseCrashed = resolve));
        return { outcome: "done" };
      },
    });
    const t0 = Date.now();
    const scheduled = await scheduleJob({ kind, ...me, payload: { n: 1 }, runAt: new Date(t0) });
    const crashed = createJobRunner({ now: () => t0, leaseMs: 30_000 });
    const crashedRun = crashed.runDueJobs();
    while (contexts.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await crashed.stop({ waitMs: 0 });

    // Before the lease lapses nobody else takes it.
    expect(await createJobRunner({ now: () => t0 + 29_000 }).runDueJobs()).toBe(0);
    const survivor = createJobRunner({ now: () => t0 + 31_000 });
    expect(await survivor.runDueJobs()).toBe(1);
    expect(contexts.map((context) => context.interrupted)).toEqual([false, true]);
    expect((await job(scheduled.id)).state).toBe("done");
    expect((await job(scheduled.id)).attempts).toBe(2);

    // The dead attempt coming back late writes nothing over the survivor's outcome.
    releaseCrashed?.();
    await crashedRun;
    expect((await job(scheduled.id)).state).toBe("done");
  });

  it("a retry waits for the handler's afterSeconds, then runs again", async () => {
    const me = await owner();
    const kind = uniqueKind("retry");
    let calls = 0;
    registerJobHandler({
      kind,
      payload,
      run: () =>
        Promise.resolve(++calls === 1 ? { outcome: "retry", afterSeconds: 120, reason: "Gmail asked to wait." } : { outcome: "done" }),
    });
    const t0 = Date.now();
    const scheduled = await scheduleJob({ kind, ...me, payload: { n: 1 }, runAt: new Date(t0) });
    await createJobRunner({ now: () => t0 }).runDueJobs();
    const waiting = await job(scheduled.id);
    expect(waiting.state).toBe("scheduled");
    expect(waiting.runAt.getTime()).toBe(t0 + 120_000);
    expect(waiting.lastError).toBe("Gmail asked to wait.");

    expect(await createJobRunner({ now: () => t0 + 119_000 }).runDueJobs()).toBe(0);
    expect(await createJobRunner({ now: () => t0 + 120_000 }).runDueJobs()).toBe(1);
    expect((await job(scheduled.id)).state).toBe("done");
    expect(calls).toBe(2);
  });

  it("a job that fails keeps its reason; one that keeps retrying fails after its attempts", async () => {
    const me = await owner();
    const failing = uniqueKind("failed");
    registerJobHandler({
      kind: failing,
      payload,
      run: () => Promise.resolve({ outcome: "failed", reason: "The draft has no recipients." }),
    });
    const stubborn = uniqueKind("stubborn");
    registerJobHandler({
      kind: stubborn,
      payload,
      maxAttempts: 3,
      run: () => Promise.resolve({ outcome: "retry", reason: "Gmail is not answering." }),
    });
    let clock = Date.now();
    const failed = await scheduleJob({ kind: failing, ...me, payload: { n: 1 }, runAt: new Date(clock) });
    const retried = await scheduleJob({ kind: stubborn, ...me, payload: { n: 2 }, runAt: new Date(clock) });
    for (let round = 0; round < 5; round++) {
      await createJobRunner({ now: () => clock }).runDueJobs();
      clock += 3_600_000;
    }
    const jobs = await listJobs({ userId: me.userId, states: ["failed"] });
    expect(jobs.map((record) => [record.id, record.lastError, record.attempts])).toEqual(
      expect.arrayContaining([
        [failed.id, "The draft has no recipients.", 1],
        [retried.id, "Gmail is not answering.", 3],
      ]),
    );
    // /api/metrics counts the attempts by kind and outcome.
    const counted = await metrics().registry.getSingleMetricAsString("mailroom_jobs_total");
    expect(counted).toContain(`mailroom_jobs_total{kind="${failing}",outcome="failed"} 1`);
    expect(counted).toContain(`mailroom_jobs_total{kind="${stubborn}",outcome="retry"} 2`);
    expect(counted).toContain(`mailroom_jobs_total{kind="${stubborn}",outcome="failed"} 1`);
  });

  it("a job cancelled before it runs never runs; cancelling is for its own user only", async () => {
    const me = await owner();
    const other = await owner("grace@example.com");
    const kind = uniqueKind("cancel");
    let calls = 0;
    registerJobHandler({ kind, payload, run: () => (calls++, Promise.resolve({ outcome: "done" })) });
    const t0 = Date.now();
    const scheduled = await scheduleJob({ kind, ...me, payload: { n: 1 }, runAt: new Date(t0 + 10_000) });
    expect(await cancelJob({ id: scheduled.id, userId: other.userId })).toBe("not_found");
    expect(await cancelJob({ id: scheduled.id, userId: me.userId })).toBe("cancelled");
    expect(await cancelJob({ id: scheduled.id, userId: me.userId })).toBe("finished");
    expect(await createJobRunner({ now: () => t0 + 20_000 }).runDueJobs()).toBe(0);
    expect(calls).toBe(0);
    expect((await job(scheduled.id)).state).toBe("cancelled");
  });

  it("a running job cannot be cancelled", async () => {
    const me = await owner();
    const kind = uniqueKind("running");
    let release: (() => void) | undefined;
    let started = false;
    registerJobHandler({
      kind,
      payload,
      run: async () => {
        started = true;
        await new Promise<void>((resolve) => (release = resolve));
        return { outcome: "done" };
      },
    });
    const scheduled = await scheduleJob({ kind, ...me, payload: { n: 1 }, runAt: new Date() });
    const run = createJobRunner().runDueJobs();
    while (!started) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await cancelJob({ id: scheduled.id, userId: me.userId })).toBe("already_running");
    release?.();
    await run;
    expect((await job(scheduled.id)).state).toBe("done");
  });

  it("scheduling the same key twice while it waits gives the same job; after it finished, a new one", async () => {
    const me = await owner();
    const kind = uniqueKind("key");
    registerJobHandler({ kind, payload, run: () => Promise.resolve({ outcome: "done" }) });
    const runAt = new Date(Date.now() + 60_000);
    const [a, b] = await Promise.all([
      scheduleJob({ kind, ...me, payload: { n: 1 }, runAt, key: "draft-1" }),
      scheduleJob({ kind, ...me, payload: { n: 1 }, runAt, key: "draft-1" }),
    ]);
    expect(b.id).toBe(a.id);
    await cancelJob({ id: a.id, userId: me.userId });
    const again = await scheduleJob({ kind, ...me, payload: { n: 2 }, runAt, key: "draft-1" });
    expect(again.state).toBe("scheduled");
    expect(again.payload).toEqual({ n: 2 });
  });

  it("a job that repeats waits again with the payload it handed back, its attempts afresh, until it is done", async () => {
    const me = await owner();
    const kind = uniqueKind("repeat");
    const seen: number[] = [];
    const t0 = Date.now();
    registerJobHandler({
      kind,
      payload,
      run: (record) => {
        seen.push(record.payload.n);
        const n = record.payload.n + 1;
        return Promise.resolve(n < 3 ? { outcome: "repeat", runAt: new Date(t0 + n * 60_000), payload: { n } } : { outcome: "done" });
      },
    });
    const scheduled = await scheduleJob({ kind, ...me, payload: { n: 0 }, runAt: new Date(t0) });
    await createJobRunner({ now: () => t0 }).runDueJobs();
    expect(await job(scheduled.id)).toMatchObject({ state: "scheduled", attempts: 0, lastError: null, runAt: new Date(t0 + 60_000) });
    expect(await createJobRunner({ now: () => t0 + 30_000 }).runDueJobs()).toBe(0);
    await createJobRunner({ now: () => t0 + 60_000 }).runDueJobs();
    await createJobRunner({ now: () => t0 + 120_000 }).runDueJobs();
    expect(seen).toEqual([0, 1, 2]);
    expect((await job(scheduled.id)).state).toBe("done");
  });

  it("a started runner wakes at a job's due time without waiting for its poll", async () => {
    const me = await owner();
    const kind = uniqueKind("wake");
    let ranAt = 0;
    registerJobHandler({ kind, payload, run: () => ((ranAt = Date.now()), Promise.resolve({ outcome: "done" })) });
    const runner = createJobRunner({ pollMs: 60_000 });
    runner.start();
    const dueAt = Date.now() + 300;
    await scheduleJob({ kind, ...me, payload: { n: 1 }, runAt: new Date(dueAt) });
    while (ranAt === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await runner.stop();
    // Not a speed check: with a one-minute poll, only the wake-up can have run it in time for this test.
    expect(ranAt).toBeGreaterThanOrEqual(dueAt);
  });
});
