// `npm run soak`: 60 s of mixed load (inbox pages, message views, searches) on two app instances sharing one
// database, while the emulator fails 10% of Gmail calls with 5xx, sends bursts of 429 and expires access
// tokens early. Reports the success rate, p95, refresh grants, token safety and memory first vs last 10 s.
// DATABASE_URL=postgresql://… (a database the soak may own) runs it on PostgreSQL; otherwise a SQLite file.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
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
const databaseUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${path.join(dataDir, "soak.db")}`;
const emulator = await startEmulatorProcess(await findFreePort());
const env = productionEnv({ databaseUrl, dataDir, emulatorUrl: emulator.url });
await prepareDatabase(env);
const instances = await Promise.all(
  [await findFreePort(), await findFreePort()].map((port) => startAppServer({ port, mode: "start", env })),
);
try {
  const cookie = await signInOverHttp(instances[0]!.url, emulator.url, "ada@example.com");
  const firstPage = (await (await fetch(`${instances[0]!.url}/api/messages?pageSize=100&label=ALL`, { headers: { cookie } })).json()) as {
    messages: { id: string }[];
  };
  const ids = firstPage.messages.map((message) => message.id);
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

  let counter = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (Date.now() < deadline) {
        counter += 1;
        const app = instances[counter % 2]!;
        const roll = counter % 10;
        const [kind, url] =
          roll < 5
            ? ["inbox", `/api/messages?label=${LABELS[counter % LABELS.length]}`]
            : roll < 8
              ? ["message", `/api/messages/${ids[counter % ids.length]}`]
              : ["search", `/api/messages?label=ALL&q=${encodeURIComponent(SEARCHES[counter % SEARCHES.length]!)}`];
        const begin = performance.now();
        const response = await fetch(`${app.url}${url}`, { headers: { cookie } }).catch(() => null);
        await response?.arrayBuffer();
        if (Date.now() >= started)
          results.push({ kind, status: response?.status ?? 0, ms: performance.now() - begin, at: Date.now() - started });
      }
    }),
  );
  clearInterval(chaos);
  clearInterval(sampler);
  await control(emulator.url, "DELETE", "faults");

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
  };
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.successRate >= 99 && ourErrors === 0 && tokensSafe ? 0 : 1;
} finally {
  await Promise.all(instances.map((app) => app.close()));
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}
