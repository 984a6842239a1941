// `npm run bench`: what large mail costs an instance. On its own production instance (npm start's heap
// policy) against its own emulator: peak RSS while ten 20 MB attachment downloads run at once (the download
// budget raised so all ten run), and while a 20 MB HTML message is opened (its conversation page), each with
// the p50 of another user's /api/threads requests made meanwhile, against that p50 on an idle instance.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AppServer, productionEnv, startAppServer } from "../lib/app-server";
import { prepareDatabase } from "../lib/database";
import { startEmulatorProcess } from "../lib/emulator-process";
import { findFreePort } from "../lib/free-port";
import { signInOverHttp } from "../lib/http-session";
import { percentile } from "../lib/percentile";
import { residentMemoryMb } from "../lib/process-memory";
import { control } from "./emulator-client";
import { htmlMessage, messageWithAttachment } from "./raw-messages";

const MB = 1024 * 1024;
const DOWNLOADS = 10;
const round1 = (value: number) => Math.round(value * 10) / 10;

type Measured = { startRssMb: number; peakRssMb: number; otherUserP50Ms: number; otherUserRequests: number; seconds: number };
export type LargeMailBench = { idleRssMb: number; otherUserIdleP50Ms: number; downloads: Measured & { ok: number }; largeHtml: Measured };

/** Runs `work` while sampling the instance's RSS and timing another user's inbox requests, one after another. */
async function whileMeasuring(app: AppServer, otherCookie: string, work: () => Promise<unknown>): Promise<Measured> {
  const rss: number[] = [residentMemoryMb(app.process.pid!)];
  const sampler = setInterval(() => rss.push(residentMemoryMb(app.process.pid!)), 100);
  const times: number[] = [];
  let running = true;
  const other = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${app.url}/api/threads?pageSize=10`, { headers: { cookie: otherCookie } });
      await response.arrayBuffer();
      if (response.status === 200) times.push(performance.now() - started);
    }
  })();
  const started = performance.now();
  try {
    await work();
  } finally {
    running = false;
    clearInterval(sampler);
    await other;
  }
  return {
    startRssMb: rss[0]!,
    peakRssMb: Math.max(...rss),
    otherUserP50Ms: times.length > 0 ? round1(percentile(times, 50)) : NaN,
    otherUserRequests: times.length,
    seconds: round1((performance.now() - started) / 1000),
  };
}

export async function measureLargeMail(): Promise<{ result: LargeMailBench; rows: [string, string][] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-bench-large-"));
  const emulator = await startEmulatorProcess(await findFreePort());
  const env = {
    ...productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl: emulator.url }),
    // Room for all ten at once: the point is what ten running downloads cost, not how the budget refuses them.
    DOWNLOAD_BUDGET_MB: String(DOWNLOADS * 20),
    DOWNLOADS_PER_USER: String(DOWNLOADS),
  };
  let app: AppServer | undefined;
  try {
    await prepareDatabase(env);
    app = await startAppServer({ port: await findFreePort(), mode: "start", env });
    const file = randomBytes(20 * MB);
    const insert = (raw: string) =>
      control<{ id: string; threadId: string }>(emulator.url, "POST", "messages", { email: "ada@example.com", raw });
    const withFile = await insert(
      messageWithAttachment({
        to: "ada@example.com",
        subject: "The scans",
        attachment: { filename: "scans.bin", mimeType: "application/octet-stream", bytes: file },
      }),
    );
    const large = await insert(
      htmlMessage({
        to: "ada@example.com",
        subject: "The archive",
        html: "<p>Figures for the quarter.</p>".repeat(Math.ceil((20 * MB) / 31)),
      }),
    );
    const ada = await signInOverHttp(app.url, emulator.url, "ada@example.com");
    const grace = await signInOverHttp(app.url, emulator.url, "grace@example.com");
    const get = (url: string, cookie: string) => fetch(`${app!.url}${url}`, { headers: { cookie } });
    const detail = (await (await get(`/api/messages/${withFile.id}`, ada)).json()) as { attachments: { attachmentId: string }[] };
    const attachmentUrl = `/api/messages/${withFile.id}/attachments/${detail.attachments[0]!.attachmentId}`;

    const idle = await whileMeasuring(app, grace, () => new Promise((resolve) => setTimeout(resolve, 3000)));
    let ok = 0;
    const downloads = await whileMeasuring(app, grace, () =>
      Promise.all(
        Array.from({ length: DOWNLOADS }, async () => {
          const response = await get(attachmentUrl, ada);
          const bytes = (await response.arrayBuffer()).byteLength;
          if (response.status === 200 && bytes === file.length) ok += 1;
        }),
      ),
    );
    const largeHtml = await whileMeasuring(app, grace, async () => {
      const response = await get(`/inbox/${large.threadId}`, ada);
      const page = await response.text();
      if (response.status !== 200 || !page.includes("message-truncated")) throw new Error("the large message did not open as an excerpt");
    });
    const result = { idleRssMb: idle.peakRssMb, otherUserIdleP50Ms: idle.otherUserP50Ms, downloads: { ...downloads, ok }, largeHtml };
    const rows: [string, string][] = [
      [
        `large mail: ${DOWNLOADS} × 20 MB downloads at once, peak RSS`,
        `${downloads.peakRssMb} MB (idle ${idle.peakRssMb} MB; ${ok}/${DOWNLOADS} complete in ${downloads.seconds} s)`,
      ],
      [
        `large mail: another user's /api/threads p50 during the downloads`,
        `${downloads.otherUserP50Ms} ms (${downloads.otherUserRequests} requests; idle ${idle.otherUserP50Ms} ms)`,
      ],
      [
        "large mail: opening a 20 MB HTML message, RSS before / peak, time",
        `${largeHtml.startRssMb} / ${largeHtml.peakRssMb} MB, ${largeHtml.seconds} s`,
      ],
      ["large mail: another user's /api/threads p50 meanwhile", `${largeHtml.otherUserP50Ms} ms (${largeHtml.otherUserRequests} requests)`],
    ];
    return { result, rows };
  } finally {
    await app?.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
