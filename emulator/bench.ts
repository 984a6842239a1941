import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator } from "./server";
import { sendBatch } from "./testing/batch-client";
import { control, obtainTokens } from "./testing/control-client";

/**
 * The nearest-rank percentile (p in 0–100); NaN when there are no samples. The emulator is its own program and
 * imports nothing from the app or its scripts, so it keeps its own copy of this one line.
 */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export interface EmulatorBench {
  /** Measured by the client over HTTP (includes the client's own fetch and parsing). */
  listPlusBatchMs: { p50: number; p95: number };
  /** The emulator's own time for the same pairs, from its request log. */
  serverMs: { p50: number; p95: number };
}

const LIST_PATH = "/gmail/v1/users/me/messages?maxResults=50&labelIds=INBOX";

const WARM_UP = 60;
const ROUNDS = 200;

/**
 * One inbox page as the app fetches it: messages.list (50) then one 50-part metadata batch, timed over
 * HTTP after a warm-up. The token comes from the consent automation, which is switched off afterwards.
 */
export async function benchEmulator(url: string): Promise<EmulatorBench> {
  const tokens = await obtainTokens(url, { email: "ada@example.com" });
  await control(url, "POST", "consent", { autoApprove: false });
  const headers = { authorization: `Bearer ${tokens.access_token}` };
  const samples: number[] = [];
  let measuredFrom = Date.now();
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    if (round === WARM_UP) measuredFrom = Date.now();
    const started = performance.now();
    const list = await fetch(`${url}${LIST_PATH}`, { headers });
    const { messages = [] } = (await list.json()) as { messages?: { id: string }[] };
    const batch = await sendBatch(
      url,
      tokens.access_token,
      messages.map((m) => ({
        method: "GET",
        path: `/gmail/v1/users/me/messages/${m.id}?format=metadata&metadataHeaders=From&metadataHeaders=Subject&metadataHeaders=Date`,
      })),
    );
    if (batch.parts.length !== messages.length) throw new Error("batch returned the wrong number of parts");
    if (round >= WARM_UP) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const server = await serverTimes(url, measuredFrom);
  return {
    listPlusBatchMs: { p50: round2(percentile(samples, 50)), p95: round2(percentile(samples, 95)) },
    serverMs: { p50: round2(percentile(server, 50)), p95: round2(percentile(server, 95)) },
  };
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Milliseconds from running `npm run emulator -- --port 0` to its first healthy /__emulator/health answer,
 * the way a developer or CI starts it. The process group is stopped afterwards.
 */
export async function measureEmulatorStart(): Promise<number> {
  const started = performance.now();
  const child = spawn("npm", ["run", "-s", "emulator", "--", "--port", "0"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exit = once(child, "exit");
  try {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const url = /listening on (\S+)/.exec(output)?.[1];
      if (
        url !== undefined &&
        (await fetch(`${url}/__emulator/health`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        return performance.now() - started;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error("the emulator did not become healthy");
  } finally {
    // npm runs the emulator in a child of its own: stop the whole group this function started.
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    await exit;
  }
}

/** Pairs each logged list with the batch that followed it and sums the emulator's time for both. */
async function serverTimes(url: string, since: number): Promise<number[]> {
  const { requests } = await control<{ requests: { t: number; path: string; ms: number }[] }>(url, "GET", "requests");
  const sums: number[] = [];
  let pendingList: number | undefined;
  for (const entry of requests) {
    if (entry.t < since) continue;
    if (entry.path === LIST_PATH) pendingList = entry.ms;
    else if (entry.path === "/batch/gmail/v1" && pendingList !== undefined) {
      sums.push(pendingList + entry.ms);
      pendingList = undefined;
    }
  }
  return sums.sort((a, b) => a - b);
}

const round2 = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const { values: flags } = parseArgs({ options: { url: { type: "string" }, json: { type: "boolean", default: false } } });
  const given = flags.url;
  const emulator = given === undefined ? await startEmulator({ port: 0 }) : undefined;
  try {
    const result = await benchEmulator(given ?? emulator?.url ?? "");
    const { p50, p95 } = result.listPlusBatchMs;
    console.log(`emulator: messages.list(50) + 50-part metadata batch, over HTTP: p50 ${p50} ms, p95 ${p95} ms (${ROUNDS} rounds)`);
    console.log(`emulator: the same, server time only:             p50 ${result.serverMs.p50} ms, p95 ${result.serverMs.p95} ms`);
    const startMs = await measureEmulatorStart();
    console.log(`emulator: \`npm run emulator\` start to healthy:     ${Math.round(startMs)} ms`);
    if (flags.json) console.log(JSON.stringify({ ...result, startToHealthyMs: startMs }));
  } finally {
    await emulator?.close();
  }
}

// Runnable as `npx tsx emulator/bench.ts [--url http://127.0.0.1:4010] [--json]`, importable by scripts/bench.ts.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
