// `npm run bench`: the live heap of one production instance with 20 open event streams and 2 new messages
// a second (pushed by the emulator's Pub/Sub) while pages load constantly: RSS and V8's heap used, at the
// start and over the last 10 s, and the peak. Read from the instance itself (/api/metrics), not estimated.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { productionEnv, startAppServer } from "../lib/app-server";
import { prepareDatabase } from "../lib/database";
import { findFreePort } from "../lib/free-port";
import { signInOverHttp } from "../lib/http-session";
import { type InstanceMemory, runLiveLoad } from "./live-load";

const SECONDS = 30;
const STREAMS = 20;
const MAIL_PER_SECOND = 2;
const PAGE_LOADERS = 2;

export type LiveHeapBench = { streams: number; messages: number; missed: number; memory: InstanceMemory; heapFlags: string };

export async function measureLiveHeap(emulatorUrl: string): Promise<{ result: LiveHeapBench; rows: [string, string][] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-live-heap-"));
  const metricsToken = randomBytes(24).toString("base64url");
  const env = {
    ...productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl }),
    METRICS_TOKEN: metricsToken,
  };
  await prepareDatabase(env);
  const app = await startAppServer({ port: await findFreePort(), mode: "start", env });
  try {
    const cookie = await signInOverHttp(app.url, emulatorUrl, "ada@example.com");
    let loading = true;
    const loaders = Array.from({ length: PAGE_LOADERS }, async (_, worker) => {
      for (let count = 0; loading; count += 1) {
        const url = count % 2 === worker % 2 ? "/api/threads?label=INBOX" : "/api/messages?label=ALL";
        await fetch(`${app.url}${url}`, { headers: { cookie } })
          .then((response) => response.arrayBuffer())
          .catch(() => undefined);
      }
    });
    const live = await runLiveLoad({
      emulatorUrl,
      instances: [app],
      cookie,
      email: "ada@example.com",
      metricsToken,
      streams: STREAMS,
      mailPerSecond: MAIL_PER_SECOND,
      seconds: SECONDS,
    }).finally(() => (loading = false));
    await Promise.all(loaders);
    const memory = live.memory[0]!;
    const result = { streams: live.streams, messages: live.messagesSent, missed: live.missed, memory, heapFlags: app.heap.flags.join(" ") };
    return {
      result,
      rows: [
        [
          `live heap: ${STREAMS} streams, ${MAIL_PER_SECOND} new messages/s, pages loading, ${SECONDS} s: RSS first / last 10 s / peak`,
          `${memory.first.rssMb} / ${memory.last.rssMb} / ${memory.peakRssMb} MB (${live.messagesSent} messages, ${live.missed} missed deliveries)`,
        ],
        [
          "live heap: V8 heap used first / last 10 s / peak (old space last)",
          `${memory.first.heapUsedMb} / ${memory.last.heapUsedMb} / ${memory.peakHeapUsedMb} MB (${memory.last.spacesMb.old ?? "?"} MB; ${result.heapFlags || "no heap flags"})`,
        ],
      ],
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
