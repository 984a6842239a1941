// `npm run bench`: the production build against the emulator, in one run. Prints a table (or one JSON
// object with --json): Gmail requests and sequential round trips per inbox page, /api/messages p50/p95 at
// 0 and 50 ms of emulator latency, the naive baselines (list, then one get per message, sequential and
// all at once) measured in the same run, conversations (the list, one conversation, archive and Undo on 1
// and 50 conversations: scripts/testing/conversation-bench.ts), a reply composer's opening in a browser
// (scripts/testing/reply-open-bench.ts), a conversation's opening from the list, cold and prefetched
// (scripts/testing/open-conversation-bench.ts), revisits through the page cache and its memory
// when full (scripts/testing/revisit-bench.ts), new mail's time to an open inbox's stream with push, polling and
// across two instances (scripts/testing/live-latency-bench.ts), large mail's memory
// (scripts/testing/large-mail-bench.ts), drafts' autosave requests and a 20 MB draft's bytes and memory
// (scripts/testing/draft-bench.ts), sends and the job runner's lag (scripts/testing/send-bench.ts), refresh
// grants when 50 concurrent requests meet an expired token,
// and requests per second, the app server's CPU time per request (scripts/testing/cpu-per-request.ts) and memory
// under 20 s of load (peak RSS per instance, with the heap flags that `npm start` chose for this machine:
// scripts/lib/heap-policy.ts).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { benchEmulator } from "../emulator/bench";
import { GMAIL_MODIFY_SCOPE } from "../lib/google-scopes";
import { productionEnv, startAppServer } from "./lib/app-server";
import { percentile } from "./lib/percentile";
import { residentMemoryMb as rssMb } from "./lib/process-memory";
import { prepareDatabase } from "./lib/database";
import { startEmulatorProcess } from "./lib/emulator-process";
import { findFreePort } from "./lib/free-port";
import { signInOverHttp } from "./lib/http-session";
import { measureAllAccountsPage } from "./testing/all-accounts-bench";
import { authorizeThroughEmulator, control, stats } from "./testing/emulator-client";
import { sequentialRoundTrips } from "./testing/round-trips";
import { measureConversations } from "./testing/conversation-bench";
import { measureLargeMail } from "./testing/large-mail-bench";
import { measureDrafts } from "./testing/draft-bench";
import { loadWithCpu } from "./testing/cpu-per-request";
import { measureLiveLatency } from "./testing/live-latency-bench";
import { measureLiveHeap } from "./testing/live-heap-bench";
import { measureRevisits } from "./testing/revisit-bench";
import { benchStartAndRecovery } from "./testing/start-and-recovery-bench";
import { measureSend } from "./testing/send-bench";
import { measureSnooze } from "./testing/snooze-bench";
import { measureReplyOpening } from "./testing/reply-open-bench";
import { measureConversationAct } from "./testing/conversation-act-bench";
import { measureConversationOpening } from "./testing/open-conversation-bench";

const { values: flags } = parseArgs({
  options: { json: { type: "boolean", default: false }, rebuild: { type: "boolean", default: false } },
});
const asJson = flags.json;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const SAMPLES = 30;
const log = (message: string) => (asJson ? process.stderr : process.stdout).write(`${message}\n`);

type LoggedRequest = { t: number; method: string; path: string; ms: number };

const round1 = (value: number) => Math.round(value * 10) / 10;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID") || flags.rebuild) {
    log("Building the production app…");
    execFileSync("npx", ["next", "build"], { stdio: asJson ? "ignore" : "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-bench-"));
  const emulator = await startEmulatorProcess(await findFreePort());
  const databaseFile = path.join(dataDir, "mailroom.db");
  const env = productionEnv({ databaseUrl: `file:${databaseFile}`, dataDir, emulatorUrl: emulator.url });
  await prepareDatabase(env);
  const app = await startAppServer({ port: await findFreePort(), mode: "start", env });
  try {
    const cookie = await signInOverHttp(app.url, emulator.url, "ada@example.com");
    const page = async () => {
      const response = await fetch(`${app.url}/api/messages`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`/api/messages answered ${response.status}`);
      await response.arrayBuffer();
    };
    for (let warm = 0; warm < 10; warm += 1) await page();
    const rssAfterWarmUp = rssMb(app.process.pid!);

    log("Measuring Gmail traffic per inbox page…");
    await control(emulator.url, "POST", "latency", { ms: 20 });
    await control(emulator.url, "DELETE", "requests");
    await page();
    const gmailLog = (await control<{ requests: LoggedRequest[] }>(emulator.url, "GET", "requests")).requests.filter((request) =>
      /^\/(gmail|batch)\//.test(request.path),
    );
    const perPage = { gmailRequests: gmailLog.length, sequentialRoundTrips: sequentialRoundTrips(gmailLog) };

    log("Measuring the All accounts page (two linked accounts)…");
    const allAccounts = await measureAllAccountsPage();

    log("Measuring revisits through the page cache, and its memory when full…");
    const revisits = await measureRevisits();

    log("Measuring latency at 0 and 50 ms of emulator latency, with the naive baselines…");
    const naiveToken = (await authorizeThroughEmulator(emulator.url, "ada@example.com")).access_token;
    const gmailGet = async (pathAndQuery: string) => {
      const response = await fetch(`${emulator.url}${pathAndQuery}`, { headers: { Authorization: `Bearer ${naiveToken}` } });
      if (!response.ok) throw new Error(`naive baseline: ${response.status}`);
      return response.json() as Promise<{ messages?: { id: string }[] }>;
    };
    const listPage = () => gmailGet("/gmail/v1/users/me/messages?maxResults=25&labelIds=INBOX");
    const getMetadata = (id: string) =>
      gmailGet(`/gmail/v1/users/me/messages/${id}?format=metadata&metadataHeaders=From&metadataHeaders=Subject&metadataHeaders=Date`);
    const naiveSequential = async () => {
      for (const { id } of (await listPage()).messages ?? []) await getMetadata(id);
    };
    const naiveParallel = async () => {
      await Promise.all(((await listPage()).messages ?? []).map(({ id }) => getMetadata(id)));
    };

    const latency: Record<string, { p50: number; p95: number }> = {};
    for (const ms of [0, 50]) {
      await control(emulator.url, "POST", "latency", { ms });
      for (const [name, fn] of [
        ["api", page],
        ["naiveSequential", naiveSequential],
        ["naiveParallel", naiveParallel],
      ] as const) {
        await fn();
        const samples: number[] = [];
        for (let sample = 0; sample < (name === "naiveSequential" && ms > 0 ? 10 : SAMPLES); sample += 1) samples.push(await timed(fn));
        latency[`${name}@${ms}ms`] = { p50: round1(percentile(samples, 50)), p95: round1(percentile(samples, 95)) };
      }
    }
    await control(emulator.url, "POST", "latency", { ms: 0 });

    log("Measuring conversations and actions (archive and its Undo on 1 and 50 conversations)…");
    const modifyCookie = await signInOverHttp(app.url, emulator.url, "ada@example.com", {
      scope: `openid email profile ${GMAIL_MODIFY_SCOPE}`,
    });
    const conversations = await measureConversations({ appUrl: app.url, emulatorUrl: emulator.url, cookie: modifyCookie });

    log("Measuring a reply composer's opening in a browser…");
    const replyOpening = await measureReplyOpening({ appUrl: app.url, emulatorUrl: emulator.url, cookie: modifyCookie });
    log("Measuring archiving from an open conversation and moving to the next in a browser…");
    const conversationAct = await measureConversationAct({ appUrl: app.url, emulatorUrl: emulator.url, cookie: modifyCookie });

    log("Measuring a conversation's opening from the list in a browser (cold and prefetched, 0 and 50 ms)…");
    const conversationOpening = await measureConversationOpening({ appUrl: app.url, emulatorUrl: emulator.url, cookie: modifyCookie });

    log("Measuring new mail's way to an open inbox (push, polling, two instances)…");
    const live = await measureLiveLatency(emulator.url);

    log("Measuring drafts (autosave for a minute of typing, and with a 20 MB attachment)…");
    const drafts = await measureDrafts();

    log("Measuring large mail (ten 20 MB downloads at once, a 20 MB HTML message)…");
    const largeMail = await measureLargeMail();
    log("Measuring the live heap (20 open streams, 2 new messages/s, pages loading)…");
    const liveHeap = await measureLiveHeap(emulator.url);

    log("Measuring sends (Gmail requests, end of the undo window to SENT) and the job runner with 1000 sends due at once…");
    const send = await measureSend();

    log("Measuring Snooze's wake lag (50 snoozes due over two seconds)…");
    const snooze = await measureSnooze();

    log("Measuring refresh grants under 50 concurrent requests…");
    const db = new Database(databaseFile);
    const refreshGrantsUnder50 = async (expire: () => Promise<void>) => {
      await expire();
      const before = (await stats(emulator.url)).grants.refresh_token ?? 0;
      const statuses = await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(`${app.url}/api/messages`, { headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status)),
        ),
      );
      return {
        refreshGrants: ((await stats(emulator.url)).grants.refresh_token ?? 0) - before,
        ok: statuses.filter((s) => s === 200).length,
      };
    };
    const storedExpiry = await refreshGrantsUnder50(() => {
      db.prepare("UPDATE Account SET expires_at = ?").run(Math.floor(Date.now() / 1000) - 10);
      return Promise.resolve();
    });
    const revokedEarly = await refreshGrantsUnder50(async () => {
      await control(emulator.url, "POST", "expire", { email: "ada@example.com" });
    });
    db.close();

    log(`Loading /api/messages for ${LOAD_SECONDS} s…`);
    const emulatorBench = await benchEmulator(emulator.url);
    const startAndRecovery = await benchStartAndRecovery();
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(rssMb(app.process.pid!)), 1000);
    const load = await loadWithCpu({
      pid: app.process.pid!,
      url: `${app.url}/api/messages`,
      headers: { cookie },
      connections: 10,
      seconds: LOAD_SECONDS,
    });
    clearInterval(sampler);

    log(`Loading two instances sharing the database for ${LOAD_SECONDS} s…`);
    const second = await startAppServer({ port: await findFreePort(), mode: "start", env });
    let twoInstances: {
      requestsPerSecond: number;
      latencyP50Ms: number;
      latencyP99Ms: number;
      non2xx: number;
      rssMbPeak: number;
      rssMbPeakPerInstance: number[];
    };
    try {
      for (let warm = 0; warm < 10; warm += 1)
        await fetch(`${second.url}/api/messages`, { headers: { cookie } }).then((r) => r.arrayBuffer());
      const pairSamples: [number, number][] = [];
      const pairSampler = setInterval(() => pairSamples.push([rssMb(app.process.pid!), rssMb(second.process.pid!)]), 1000);
      const loads = await Promise.all(
        [app, second].map((instance) =>
          autocannon({ url: `${instance.url}/api/messages`, headers: { cookie }, connections: 5, duration: LOAD_SECONDS }),
        ),
      );
      clearInterval(pairSampler);
      twoInstances = {
        requestsPerSecond: round1(loads.reduce((sum, result) => sum + result.requests.average, 0)),
        latencyP50Ms: Math.max(...loads.map((result) => result.latency.p50)),
        latencyP99Ms: Math.max(...loads.map((result) => result.latency.p99)),
        non2xx: loads.reduce((sum, result) => sum + result.non2xx, 0),
        rssMbPeak: Math.max(...pairSamples.map(([a, b]) => a + b)),
        rssMbPeakPerInstance: [Math.max(...pairSamples.map(([a]) => a)), Math.max(...pairSamples.map(([, b]) => b))],
      };
    } finally {
      await second.close();
    }

    const result = {
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      perPage,
      allAccounts: allAccounts.result,
      conversations: conversations.result,
      replyOpening: replyOpening.result,
      conversationAct: conversationAct.result,
      conversationOpening: conversationOpening.result,
      revisits: revisits.result,
      live: live.result,
      largeMail: largeMail.result,
      drafts: drafts.result,
      liveHeap: liveHeap.result,
      send: send.result,
      snooze: snooze.result,
      latencyMs: latency,
      speedupVsNaiveSequentialAt50ms: round1(latency["naiveSequential@50ms"]!.p50 / latency["api@50ms"]!.p50),
      heap: { flags: app.heap.flags, reason: app.heap.reason },
      budgetAt50ms: { p50: latency["api@50ms"]!.p50, limit: 2.5 * 50 + 40 },
      refreshUnder50Concurrent: { storedExpiry, revokedEarly },
      emulatorListPlus50BatchMs: emulatorBench.listPlusBatchMs,
      ...startAndRecovery.result,
      load: {
        seconds: LOAD_SECONDS,
        connections: 10,
        ...load,
        rssMb: { afterWarmUp: rssAfterWarmUp, peak: Math.max(...rssSamples), end: rssSamples.at(-1) ?? NaN },
      },
      loadTwoInstances: { seconds: LOAD_SECONDS, connections: 10, ...twoInstances },
    };
    if (asJson) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const rows: [string, string][] = [
      ["machine", `${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB, Node ${result.machine.node}`],
      ["Gmail requests per inbox page", String(perPage.gmailRequests)],
      ["sequential Gmail round trips per page", String(perPage.sequentialRoundTrips)],
      ...allAccounts.rows,
      ...conversations.rows,
      ...replyOpening.rows,
      ...conversationAct.rows,
      ...conversationOpening.rows,
      ...revisits.rows,
      ...live.rows,
      ...largeMail.rows,
      ...drafts.rows,
      ...liveHeap.rows,
      ...send.rows,
      ...snooze.rows,
      ...Object.entries(latency).map(([name, value]): [string, string] => [
        `${name.replace("@", " @ ")} p50 / p95`,
        `${value.p50} / ${value.p95} ms`,
      ]),
      ["speed-up vs naive sequential @ 50 ms (p50)", `${result.speedupVsNaiveSequentialAt50ms}×`],
      ["api @ 50 ms p50 vs budget 2.5 × 50 + 40", `${result.budgetAt50ms.p50} ms (limit ${result.budgetAt50ms.limit} ms)`],
      ["refresh grants, 50 concurrent, stored token expired", `${storedExpiry.refreshGrants} (${storedExpiry.ok}/50 answered 200)`],
      ["refresh grants, 50 concurrent, Google expired it early", `${revokedEarly.refreshGrants} (${revokedEarly.ok}/50 answered 200)`],
      [
        "emulator: list + 50-part batch p50 / p95",
        `${round1(emulatorBench.listPlusBatchMs.p50)} / ${round1(emulatorBench.listPlusBatchMs.p95)} ms`,
      ],
      ...startAndRecovery.rows,
      [`load: ${LOAD_SECONDS} s, 10 connections, req/s`, String(result.load.requestsPerSecond)],
      ["load: latency p50 / p99", `${load.latencyP50Ms} / ${load.latencyP99Ms} ms (non-2xx ${load.non2xx}, errors ${load.errors})`],
      ["load: app server CPU ms per inbox request", String(load.cpuMsPerRequest)],
      ["heap flags (npm start's policy)", `${app.heap.flags.join(" ") || "none"} (${app.heap.reason})`],
      ["load: RSS after warm-up / peak / end", `${rssAfterWarmUp} / ${result.load.rssMb.peak} / ${result.load.rssMb.end} MB`],
      ["load on two instances (5 + 5 connections), req/s", String(twoInstances.requestsPerSecond)],
      [
        "two instances: latency p50 / p99",
        `${twoInstances.latencyP50Ms} / ${twoInstances.latencyP99Ms} ms (non-2xx ${twoInstances.non2xx})`,
      ],
      ["two instances: RSS peak per instance / both", `${twoInstances.rssMbPeakPerInstance.join(" / ")} / ${twoInstances.rssMbPeak} MB`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    log(`\n${rows.map(([name, value]) => `| ${name.padEnd(width)} | ${value} |`).join("\n")}`);
  } finally {
    await app.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
