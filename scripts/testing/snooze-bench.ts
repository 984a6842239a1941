// `npm run bench`: Snooze's wake lag. 50 conversations snoozed through the real path (Gmail label, one job
// each), due over two seconds; a job runner as the server runs it wakes them. The lag is from each one's due
// time to its conversation back in the INBOX at the emulator (the wake job finishes once Gmail answered the
// threads.modify; every conversation is checked in INBOX at the end), p50 / p95 / max. It runs in a child
// process of its own (`--conditions=react-server`, for lib code) with a fresh emulator and SQLite database;
// run directly, this file is that child and prints its result.
import { runAsBenchChild, runBenchChild } from "./bench-child";

export type SnoozeBench = { snoozes: number; wakeLagMs: { p50: number; p95: number; max: number }; backInInbox: number };

export async function measureSnooze(env: NodeJS.ProcessEnv = process.env): Promise<{ result: SnoozeBench; rows: [string, string][] }> {
  const result = await runBenchChild<SnoozeBench>("scripts/testing/snooze-bench.ts", { ...env, GMAIL_USER_QUOTA_PER_MINUTE: "0" });
  const { wakeLagMs: lag } = result;
  return {
    result,
    rows: [
      [
        `snooze: due time → back in INBOX at Gmail, p50 / p95 / max (${result.snoozes} snoozes)`,
        `${lag.p50} / ${lag.p95} / ${lag.max} ms (${result.backInInbox} back in INBOX)`,
      ],
    ],
  };
}

async function main(): Promise<void> {
  const { startIntegrationEnvironment } = await import("./integration-env");
  const { signInTokensFrom } = await import("./accounts");
  const { obtainTokens, GMAIL_MODIFY } = await import("../../emulator/testing/control-client");
  const { saveSignInTokens } = await import("@/lib/tokens/token-store");
  const { control, deliverFromBob } = await import("./emulator-client");
  const { percentile } = await import("../lib/percentile");
  const { getDb } = await import("@/lib/db");
  const { createJobRunner } = await import("@/lib/jobs/runner");
  const { registerSnoozeJobs } = await import("@/lib/snooze/register");
  const { applySnoozeAction } = await import("@/lib/snooze/snooze-threads");
  const { SNOOZE_JOB_KIND } = await import("@/lib/snooze/snooze-jobs");
  const environment = await startIntegrationEnvironment();
  const emulatorUrl = environment.emulatorUrl;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const SNOOZES = 50;
  try {
    const email = "ada@example.com";
    const tokens = await obtainTokens(emulatorUrl, { email, scope: `openid email profile ${GMAIL_MODIFY}` });
    await control(emulatorUrl, "POST", "consent", { autoApprove: false });
    const user = await getDb().user.create({ data: { email } });
    const account = await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
    registerSnoozeJobs();
    const runner = createJobRunner();
    runner.start();

    const threads: string[] = [];
    for (let index = 0; index < SNOOZES; index++)
      threads.push((await deliverFromBob(emulatorUrl, email, `Snooze bench ${index}`)).threadId);
    // Due over two seconds, starting once every snooze is in place.
    const firstDue = Date.now() + 20_000;
    for (const [index, threadId] of threads.entries()) {
      const until = new Date(firstDue + Math.round((index * 2_000) / SNOOZES)).toISOString();
      await applySnoozeAction({ account, action: "snooze", threadIds: [threadId], until });
    }
    if (Date.now() >= firstDue) throw new Error("snoozing took longer than the lead time");
    const where = { userId: user.id, kind: SNOOZE_JOB_KIND };
    while ((await getDb().job.count({ where: { ...where, state: { in: ["scheduled", "running"] } } })) > 0) await sleep(20);
    await runner.stop();
    const rows = await getDb().job.findMany({ where, select: { runAt: true, finishedAt: true } });
    const lags = rows.map((row) => (row.finishedAt?.getTime() ?? NaN) - row.runAt.getTime());

    const inbox = await fetch(`${emulatorUrl}/gmail/v1/users/me/threads?labelIds=INBOX&maxResults=500`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const listed = new Set(((await inbox.json()) as { threads?: { id: string }[] }).threads?.map((thread) => thread.id) ?? []);
    const round = (value: number) => Math.round(value);
    const result: SnoozeBench = {
      snoozes: SNOOZES,
      wakeLagMs: { p50: round(percentile(lags, 50)), p95: round(percentile(lags, 95)), max: round(Math.max(...lags)) },
      backInInbox: threads.filter((id) => listed.has(id)).length,
    };
    process.stdout.write(JSON.stringify(result));
  } finally {
    await environment.close();
  }
}

await runAsBenchChild(import.meta.url, main);
