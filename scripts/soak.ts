// `npm run soak`: 60 s of mixed load (inbox pages, message views, searches, conversation lists and
// conversations, archive and its Undo) on two app instances sharing one database, with 20 event streams open,
// new mail arriving twice a second (pushed to the app by the emulator's Pub/Sub) and one person writing mail
// (drafts saved while typing, attachments, sends through the job runner), while the emulator fails
// 10% of Gmail calls with 5xx, sends bursts of 429 and expires access tokens early. Reports the success rate,
// p95, refresh grants, token safety, whether every stream got every message (and how fast), and each
// instance's memory (RSS and V8's heap by space) first vs last 10 s, and whether every message sent arrived
// exactly once.
// With MAILROOM_TEST_POSTGRES_URL the instances share a temporary PostgreSQL database; DATABASE_URL=postgresql://…
// (a database the soak may own) names one; otherwise a SQLite file. SOAK_SECONDS and SOAK_WARM_UP_SECONDS set
// the durations; SOAK_HEAP_SNAPSHOT=1 writes a heap snapshot of the first instance at the end (what holds its heap).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { productionEnv, startAppServer } from "./lib/app-server";
import { residentMemoryMb as rssMb } from "./lib/process-memory";
import { prepareDatabase } from "./lib/database";
import { startEmulatorProcess } from "./lib/emulator-process";
import { findFreePort } from "./lib/free-port";
import { signInOverHttp } from "./lib/http-session";
import { percentile } from "./lib/percentile";
import { control, stats } from "./testing/emulator-client";
import { heapSample, runLiveLoad } from "./testing/live-load";
import { runWriteLoad } from "./testing/write-load";
import { temporaryPostgresDatabase } from "./testing/temporary-postgres";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WORKERS = 8;
// Memory is compared between the first and last 10 s of the measured window, after a warm-up under the same
// load: V8 and Next grow their heaps to a working size first, which is not a leak.
const WARM_UP_SECONDS = Number(process.env.SOAK_WARM_UP_SECONDS ?? 15);
const SEARCHES = [
  "is:unread",
  "from:grace",
  '"launch plan"',
  "has:attachment",
  "subject:invoice",
  "label:work",
  "newer_than:30d",
  "-in:inbox",
];
const LABELS = ["INBOX", "UNREAD", "STARRED", "ALL", "Label_1", "Label_3"];
const GMAIL_MODIFY = "https://www.googleapis.com/auth/gmail.modify";
const STREAMS = 20;
const MAIL_PER_SECOND = 2;

const mean = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length));

async function readAccounts(url: string): Promise<Record<string, unknown>[]> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true });
    const rows = db.prepare('SELECT * FROM "Account"').all() as Record<string, unknown>[];
    db.close();
    return rows;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<Record<string, unknown>>('SELECT * FROM "Account"');
  await client.end();
  return rows;
}

if (!existsSync(".next/BUILD_ID")) execFileSync("npx", ["next", "build"], { stdio: "inherit" });
const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-soak-"));
const temporary = process.env.MAILROOM_TEST_POSTGRES_URL ? await temporaryPostgresDatabase() : null;
const databaseUrl =
  temporary?.url ?? (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${path.join(dataDir, "soak.db")}`);
const emulator = await startEmulatorProcess(await findFreePort());
const metricsToken = randomBytes(24).toString("base64url");
const snapshot = process.env.SOAK_HEAP_SNAPSHOT === "1";
const env = {
  ...productionEnv({ databaseUrl, dataDir, emulatorUrl: emulator.url }),
  METRICS_TOKEN: metricsToken,
  // Sends leave 2 s after Send, so the writer's messages arrive within the soak.
  UNDO_SEND_SECONDS: "2",
  ...(snapshot
    ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dataDir}`.trim() }
    : {}),
};
await prepareDatabase(env);
// One after the other, with time to spare: two cold starts at once on a loaded machine can take minutes.
const startInstances = async () => {
  const started = [];
  for (let index = 0; index < 2; index += 1)
    started.push(await startAppServer({ port: await findFreePort(), mode: "start", env, timeoutMs: 180_000 }));
  return started;
};
const instances = await startInstances().catch(async (error: unknown) => {
  // Nothing left behind when an instance cannot start (a machine too busy to answer in time).
  await emulator.close();
  await temporary?.drop();
  throw error;
});
try {
  // Asked for at sign-in, so archive and Undo work from the start.
  const cookie = await signInOverHttp(instances[0]!.url, emulator.url, "ada@example.com", {
    scope: `openid email profile ${GMAIL_MODIFY}`,
  });
  const firstPage = (await (await fetch(`${instances[0]!.url}/api/messages?pageSize=100&label=ALL`, { headers: { cookie } })).json()) as {
    messages: { id: string }[];
  };
  const ids = firstPage.messages.map((message) => message.id);
  const threads = (await (await fetch(`${instances[0]!.url}/api/threads?pageSize=50`, { headers: { cookie } })).json()) as {
    threads: { id: string }[];
  };
  const threadIds = threads.threads.map((thread) => thread.id);
  const memoryAtStart = await Promise.all(instances.map((app) => heapSample(app, metricsToken)));
  const grantsBefore = (await stats(emulator.url)).grants.refresh_token ?? 0;

  await control(emulator.url, "POST", "faults", { match: { path: "/gmail/v1/" }, status: 503, rate: 0.1 });
  await control(emulator.url, "POST", "faults", { match: { path: "/batch/gmail/v1" }, status: 500, rate: 0.1 });
  const results: { kind: string; status: number; ms: number; at: number }[] = [];
  const memory: { at: number; mb: number }[] = [];
  const started = Date.now() + WARM_UP_SECONDS * 1000;
  const deadline = started + SECONDS * 1000;

  const chaos = setInterval(() => {
    const second = Math.floor((Date.now() - started) / 1000);
    // A burst of 429 with Retry-After every 10 s, and access tokens killed early every 15 s.
    if (second % 10 === 5)
      void control(emulator.url, "POST", "faults", {
        match: { path: "/gmail/v1/users/me/messages/" },
        status: 429,
        retryAfter: 1,
        count: 40,
      });
    if (second % 15 === 7) void control(emulator.url, "POST", "expire", { email: "ada@example.com" });
  }, 1000);
  const sampler = setInterval(() => {
    if (Date.now() >= started)
      memory.push({ at: Date.now() - started, mb: instances.reduce((sum, app) => sum + rssMb(app.process.pid!), 0) });
  }, 1000);

  const act = (app: { url: string }, action: string, threadId: string) =>
    fetch(`${app.url}/api/actions`, {
      method: "POST",
      headers: { cookie, "Content-Type": "application/json", Origin: app.url },
      body: JSON.stringify({ action, threadIds: [threadId] }),
    });
  // The streams and the new mail start with the warm-up and last until the end of the measured window.
  const live = runLiveLoad({
    emulatorUrl: emulator.url,
    instances,
    cookie,
    email: "ada@example.com",
    metricsToken,
    streams: STREAMS,
    mailPerSecond: MAIL_PER_SECOND,
    seconds: WARM_UP_SECONDS + SECONDS,
  });

  // One person writing mail meanwhile: drafts saved as they type, attachments, sends through the job runner.
  const writing = runWriteLoad({ instances, cookie, emulatorUrl: emulator.url, seconds: WARM_UP_SECONDS + SECONDS, settleSeconds: 90 });

  let counter = 0;
  // Archive and Undo at a person's pace: one pair a second across both instances, within the per-user action
  // rate limit (lib/limits/limits.ts), so the soak measures Gmail's faults, not Mailroom refusing a flood.
  let nextActionAt = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (Date.now() < deadline) {
        counter += 1;
        const app = instances[counter % 2]!;
        const roll = counter % 20;
        const [kind, url] =
          roll < 5
            ? ["inbox", `/api/messages?label=${LABELS[counter % LABELS.length]}`]
            : roll < 8
              ? ["message", `/api/messages/${ids[counter % ids.length]}`]
              : roll < 10
                ? ["search", `/api/messages?label=ALL&q=${encodeURIComponent(SEARCHES[counter % SEARCHES.length]!)}`]
                : roll < 15
                  ? ["conversations", `/api/threads?label=${LABELS[counter % LABELS.length]}`]
                  : roll < 18
                    ? ["conversation", `/api/threads/${threadIds[counter % threadIds.length]}`]
                    : Date.now() >= nextActionAt
                      ? ["action", threadIds[counter % threadIds.length]!]
                      : ["conversation", `/api/threads/${threadIds[counter % threadIds.length]}`];
        if (kind === "action") nextActionAt = Date.now() + 1000;
        const begin = performance.now();
        let response: Response | null;
        if (kind === "action") {
          // Archive, then its Undo: the conversation goes back where it was.
          response = await act(app, "archive", url).catch(() => null);
          await response?.arrayBuffer();
          if (response?.status === 200) {
            response = await act(instances[(counter + 1) % 2]!, "unarchive", url).catch(() => null);
            await response?.arrayBuffer();
          }
        } else {
          response = await fetch(`${app.url}${url}`, { headers: { cookie } }).catch(() => null);
          await response?.arrayBuffer();
        }
        if (Date.now() >= started)
          results.push({ kind, status: response?.status ?? 0, ms: performance.now() - begin, at: Date.now() - started });
      }
    }),
  );
  clearInterval(chaos);
  clearInterval(sampler);
  await control(emulator.url, "DELETE", "faults");
  const streams = await live;
  const written = await writing;
  let snapshotFile: string | undefined;
  if (snapshot) {
    const before = new Set(readdirSync(dataDir));
    instances[0]!.process.kill("SIGUSR2");
    for (let wait = 0; wait < 240 && !snapshotFile; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const written = readdirSync(dataDir).find((name) => name.endsWith(".heapsnapshot") && !before.has(name));
      // Written in one go: done once its size stops changing.
      if (written && statSync(path.join(dataDir, written)).size > 0) {
        const size = statSync(path.join(dataDir, written)).size;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        if (statSync(path.join(dataDir, written)).size === size)
          snapshotFile = path.join(tmpdir(), `mailroom-soak-${Date.now()}.heapsnapshot`);
        if (snapshotFile) renameSync(path.join(dataDir, written), snapshotFile);
      }
    }
  }

  const succeeded = results.filter((result) => result.status === 200).length;
  const ourErrors = results.filter((result) => result.status === 500 || result.status === 0).length;
  const accounts = await readAccounts(databaseUrl);
  const tokensSafe = accounts.every(
    (row) => String(row.refresh_token).startsWith("v1.") && String(row.access_token).startsWith("v1.") && row.reauthReason === null,
  );
  const first = memory.filter((sample) => sample.at < 10_000).map((sample) => sample.mb);
  const last = memory.filter((sample) => sample.at >= (SECONDS - 10) * 1000).map((sample) => sample.mb);
  const report = {
    seconds: SECONDS,
    warmUpSeconds: WARM_UP_SECONDS,
    nodeOptions: process.env.NODE_OPTIONS ?? "",
    database: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    requests: results.length,
    successRate: Math.round((succeeded / results.length) * 10000) / 100,
    statuses: Object.fromEntries(
      [...new Set(results.map((result) => result.status))].map((status) => [status, results.filter((r) => r.status === status).length]),
    ),
    ourServerErrors: ourErrors,
    p50Ms: Math.round(
      percentile(
        results.map((r) => r.ms),
        50,
      ),
    ),
    p95Ms: Math.round(
      percentile(
        results.map((r) => r.ms),
        95,
      ),
    ),
    refreshGrants: ((await stats(emulator.url)).grants.refresh_token ?? 0) - grantsBefore,
    tokensEncryptedAndUsable: tokensSafe,
    rssMbBothInstances: { first10s: mean(first), last10s: mean(last) },
    liveInbox: {
      streams: streams.streams,
      newMessages: streams.messagesSent,
      missedDeliveries: streams.missed,
      latencyMs: streams.latencyMs,
    },
    writingMail: written,
    memoryPerInstance: streams.memory.map((instance, index) => ({
      atStart: memoryAtStart[index],
      first10s: instance.first,
      last10s: instance.last,
      peakRssMb: instance.peakRssMb,
      peakHeapUsedMb: instance.peakHeapUsedMb,
    })),
    heapFlags: instances[0]!.heap.flags.join(" "),
    ...(snapshotFile ? { heapSnapshot: snapshotFile } : {}),
  };
  console.log(JSON.stringify(report, null, 2));
  const writingHeld =
    written.sendsScheduled > 0 && written.duplicates === 0 && written.notDelivered === 0 && !written.requests.statuses[500];
  process.exitCode = report.successRate >= 99 && ourErrors === 0 && tokensSafe && streams.missed === 0 && writingHeld ? 0 : 1;
} finally {
  await Promise.all(instances.map((app) => app.close()));
  await emulator.close();
  await temporary?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
