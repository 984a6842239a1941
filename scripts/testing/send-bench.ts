// `npm run bench`: sending. (1) One send as it happens: the Gmail requests it costs (the draft checked when
// Send is pressed, then drafts.send when the undo window ends) and the time from the end of the window to
// the message in the sender's SENT, p50 over 20 sends. (2) The job runner's lag with 1000 sends due at the
// same moment: from each job's due time to the start of its attempt (p50 / p95 / max), and how long the
// last one took to reach SENT. It runs in a child process of its own (`--conditions=react-server`, for lib
// code: the runner and the send job as the server runs them) with a fresh emulator and SQLite database;
// run directly, this file is that child and prints its result.
import { runAsBenchChild, runBenchChild } from "./bench-child";

export type SendBench = {
  undoSeconds: number;
  gmailRequestsPerSend: { atSend: number; atWindowEnd: number };
  windowEndToSentMs: { p50: number; p95: number; samples: number };
  dueAtOnce: { jobs: number; concurrency: number; lagMs: { p50: number; p95: number; max: number }; allSentMs: number; failed: number };
};

export async function measureSend(env: NodeJS.ProcessEnv = process.env): Promise<{ result: SendBench; rows: [string, string][] }> {
  const result = await runBenchChild<SendBench>("scripts/testing/send-bench.ts", {
    ...env,
    UNDO_SEND_SECONDS: "1",
    GMAIL_USER_QUOTA_PER_MINUTE: "0",
  });
  const { dueAtOnce: due } = result;
  return {
    result,
    rows: [
      [
        "send: Gmail requests (at Send / when the window ends)",
        `${result.gmailRequestsPerSend.atSend} / ${result.gmailRequestsPerSend.atWindowEnd}`,
      ],
      [
        `send: end of the undo window → in SENT, p50 / p95 (${result.windowEndToSentMs.samples} sends)`,
        `${result.windowEndToSentMs.p50} / ${result.windowEndToSentMs.p95} ms`,
      ],
      [
        `job runner: ${due.jobs} sends due at once, lag to start p50 / p95 / max`,
        `${due.lagMs.p50} / ${due.lagMs.p95} / ${due.lagMs.max} ms (${due.concurrency} at once; all sent in ${due.allSentMs} ms, ${due.failed} failed)`,
      ],
    ],
  };
}

async function main(): Promise<void> {
  const { startIntegrationEnvironment } = await import("./integration-env");
  const { signInTokensFrom } = await import("./accounts");
  const { obtainTokens, GMAIL_MODIFY } = await import("../../emulator/testing/control-client");
  const { saveSignInTokens } = await import("@/lib/tokens/token-store");
  const { control } = await import("./emulator-client");
  const { copiesOf, createDraft } = await import("./send-helpers");
  const { percentile } = await import("../lib/percentile");
  const { getDb } = await import("@/lib/db");
  const { getConfig } = await import("@/lib/config");
  const { registerJobHandler } = await import("@/lib/jobs");
  const { createJobRunner } = await import("@/lib/jobs/runner");
  const { scheduleSend } = await import("@/lib/send/schedule-send");
  const { sendJobHandler } = await import("@/lib/send/send-job");
  const environment = await startIntegrationEnvironment();
  const emulatorUrl = environment.emulatorUrl;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const round = (value: number) => Math.round(value);
  try {
    // Ada as a sign-in with gmail.modify stores her, through the emulator's consent.
    const tokens = await obtainTokens(emulatorUrl, { email: "ada@example.com", scope: `openid email profile ${GMAIL_MODIFY}` });
    await control(emulatorUrl, "POST", "consent", { autoApprove: false });
    const user = await getDb().user.create({ data: { email: "ada@example.com" } });
    const account = await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email: "ada@example.com" });
    const token = tokens.access_token;
    registerJobHandler(sendJobHandler);
    const runner = createJobRunner();
    runner.start();

    const gmailRequests = async () =>
      (await control<{ requests: { path: string }[] }>(emulatorUrl, "GET", "requests")).requests.filter((request) =>
        request.path.startsWith("/gmail/"),
      ).length;

    // (1) one send at a time
    const windowEndToSent: number[] = [];
    let requests = { atSend: 0, atWindowEnd: 0 };
    for (let sample = 0; sample < 20; sample++) {
      const { draftId, subject } = await createDraft(emulatorUrl, token, { to: "grace@example.com" });
      await control(emulatorUrl, "DELETE", "requests");
      const scheduled = await scheduleSend({ account, draftId });
      const atSend = await gmailRequests();
      while ((await copiesOf(emulatorUrl, "ada@example.com", "SENT", subject)).length === 0) {
        const job = await getDb().job.findUniqueOrThrow({ where: { id: scheduled.id } });
        if (job.state === "failed") throw new Error(`the send failed: ${job.lastError ?? ""}`);
        await sleep(5);
      }
      windowEndToSent.push(Date.now() - Date.parse(scheduled.undoUntil));
      while ((await getDb().job.findUniqueOrThrow({ where: { id: scheduled.id } })).state !== "done") await sleep(5);
      requests = { atSend, atWindowEnd: (await gmailRequests()) - atSend };
    }

    // (2) 1000 sends due at the same moment
    const JOBS = 1000;
    const drafts = [];
    for (let index = 0; index < JOBS; index++) drafts.push((await createDraft(emulatorUrl, token, { to: "grace@example.com" })).draftId);
    const phaseStart = new Date();
    const dueAt = new Date(Date.now() + 30_000);
    for (const draftId of drafts) await scheduleSend({ account, draftId, sendAt: dueAt });
    if (Date.now() >= dueAt.getTime()) throw new Error("scheduling 1000 sends took longer than their lead time");
    // Every job of ada's made in this phase (a list of 1000 ids would pass SQLite's parameter limit).
    const where = { userId: user.id, createdAt: { gte: phaseStart } };
    while ((await getDb().job.count({ where: { ...where, state: { in: ["scheduled", "running"] } } })) > 0) await sleep(50);
    const allSentMs = Date.now() - dueAt.getTime();
    const rows = await getDb().job.findMany({ where, select: { runAt: true, startedAt: true, state: true } });
    const lags = rows.map((row) => (row.startedAt?.getTime() ?? NaN) - row.runAt.getTime());
    await runner.stop();

    const result: SendBench = {
      undoSeconds: getConfig().undoSendSeconds,
      gmailRequestsPerSend: requests,
      windowEndToSentMs: {
        p50: round(percentile(windowEndToSent, 50)),
        p95: round(percentile(windowEndToSent, 95)),
        samples: windowEndToSent.length,
      },
      dueAtOnce: {
        jobs: JOBS,
        concurrency: 4,
        lagMs: { p50: round(percentile(lags, 50)), p95: round(percentile(lags, 95)), max: round(Math.max(...lags)) },
        allSentMs,
        failed: rows.filter((row) => row.state !== "done").length,
      },
    };
    process.stdout.write(JSON.stringify(result));
  } finally {
    await environment.close();
  }
}

await runAsBenchChild(import.meta.url, main);
