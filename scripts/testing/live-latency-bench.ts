// `npm run bench`: how long new mail takes from its arrival at "Google" (the emulator's POST messages) to the
// open inbox's event stream (the `change` event the browser's list applies at once), with push on one
// instance, with polling (MAILBOX_POLL_SECONDS=1) on one instance, and with push across two instances sharing
// PostgreSQL (the stream on the instance that does not receive the pushes). Samples are spaced past Gmail's
// one-notification-a-second limit, as real mail mostly is.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AppServer, productionEnv, startAppServer } from "../lib/app-server";
import { prepareDatabase } from "../lib/database";
import { findFreePort } from "../lib/free-port";
import { signInOverHttp } from "../lib/http-session";
import { percentile } from "../lib/percentile";
import { control } from "./emulator-client";
import { readEventStream } from "./sse-reader";
import { temporaryPostgresDatabase } from "./temporary-postgres";

const SAMPLES = 8;
const SPACING_MS = 1200;
type Scenario = { p50: number; max: number } | null;
export type LiveLatencyBench = { pushOneInstance: Scenario; pollOneInstance: Scenario; pushAcrossTwo: Scenario };

const round1 = (value: number) => Math.round(value * 10) / 10;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function arrivalToStream(emulatorUrl: string, appUrl: string, cookie: string): Promise<Scenario> {
  const stream = await readEventStream(`${appUrl}/api/events?label=INBOX`, { cookie });
  try {
    await stream.next((event) => event.type === "ready", 15_000);
    const times: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await pause(SPACING_MS);
      const raw = ["From: Bench <bench@example.com>", "To: ada@example.com", `Subject: Live bench ${sample}`, "", "Hello."].join("\r\n");
      const started = performance.now();
      const { threadId } = await control<{ threadId: string }>(emulatorUrl, "POST", "messages", {
        email: "ada@example.com",
        raw,
        labelIds: ["INBOX", "UNREAD"],
      });
      await stream.next((event) => event.type === "change" && JSON.stringify(event.data).includes(threadId), 15_000);
      times.push(performance.now() - started);
    }
    return { p50: round1(percentile(times, 50)), max: round1(Math.max(...times)) };
  } finally {
    stream.close();
  }
}

async function instance(env: NodeJS.ProcessEnv): Promise<AppServer> {
  await prepareDatabase(env);
  return startAppServer({ port: await findFreePort(), mode: "start", env });
}

export async function measureLiveLatency(emulatorUrl: string): Promise<{ result: LiveLatencyBench; rows: [string, string][] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-live-bench-"));
  const sqliteEnv = (name: string, extra: Record<string, string> = {}) => ({
    ...productionEnv({ databaseUrl: `file:${path.join(dataDir, `${name}.db`)}`, dataDir, emulatorUrl }),
    ...extra,
  });
  const measureOn = async (env: NodeJS.ProcessEnv): Promise<Scenario> => {
    const app = await instance(env);
    try {
      return await arrivalToStream(emulatorUrl, app.url, await signInOverHttp(app.url, emulatorUrl, "ada@example.com"));
    } finally {
      await app.close();
    }
  };
  try {
    const pushOneInstance = await measureOn(sqliteEnv("push"));
    const pollOneInstance = await measureOn(sqliteEnv("poll", { MAILBOX_SYNC: "poll", MAILBOX_POLL_SECONDS: "1" }));
    let pushAcrossTwo: Scenario = null;
    if (process.env.MAILROOM_TEST_POSTGRES_URL) {
      const database = await temporaryPostgresDatabase();
      const env = productionEnv({ databaseUrl: database.url, dataDir, emulatorUrl });
      const first = await instance(env);
      const second = await startAppServer({ port: await findFreePort(), mode: "start", env });
      try {
        const cookie = await signInOverHttp(first.url, emulatorUrl, "ada@example.com");
        // The first instance watches the mailbox and receives the pushes; the stream is on the second.
        const watcher = await readEventStream(`${first.url}/api/events?label=INBOX`, { cookie });
        await watcher.next((event) => event.type === "ready", 15_000);
        pushAcrossTwo = await arrivalToStream(emulatorUrl, second.url, cookie);
        watcher.close();
      } finally {
        await second.close();
        await first.close();
        await database.drop();
      }
    }
    const result = { pushOneInstance, pollOneInstance, pushAcrossTwo };
    const describe = (scenario: Scenario) =>
      scenario ? `${scenario.p50} / ${scenario.max} ms` : "not measured (set MAILROOM_TEST_POSTGRES_URL)";
    return {
      result,
      rows: [
        ["new mail → open stream, push, one instance: p50 / max", describe(pushOneInstance)],
        ["new mail → open stream, polling every 1 s: p50 / max", describe(pollOneInstance)],
        ["new mail → open stream, push, across two instances (PostgreSQL): p50 / max", describe(pushAcrossTwo)],
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
