// `npm run bench`: what writing a draft costs. On its own production instance against its own emulator:
// - autosave: a composer saving every 3 s (PUT /api/drafts/{id}) for a minute of typing, and the Gmail
//   requests that caused (the emulator's request log);
// - a draft with a 20 MB attachment over a minute of typing: Gmail requests, bytes sent to Gmail (every
//   drafts.update carries the whole message: messages written × the stored message's size), and the app
//   server's peak RSS (sampled every 100 ms).
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { GMAIL_MODIFY_SCOPE } from "../../lib/google-scopes";
import { type AppServer, productionEnv, startAppServer } from "../lib/app-server";
import { prepareDatabase } from "../lib/database";
import { startEmulatorProcess } from "../lib/emulator-process";
import { findFreePort } from "../lib/free-port";
import { signInOverHttp } from "../lib/http-session";
import { residentMemoryMb } from "../lib/process-memory";
import { control } from "./emulator-client";

const MB = 1024 * 1024;
const SAVE_EVERY_MS = 3000;
const round1 = (value: number) => Math.round(value * 10) / 10;

type Logged = { method: string; path: string; status: number };
type Saved = { id: string; version: string; attachments: { uploadId: string }[] };
export type TypingMeasure = {
  seconds: number;
  saves: number;
  gmailRequests: number;
  perMinute: number;
  messagesWritten: number;
  messageBytes: number;
  bytesToGmailMb: number;
  peakRssMb: number;
  startRssMb: number;
};
export type DraftBench = { autosave: TypingMeasure; largeAttachment: TypingMeasure };

async function typing(
  app: AppServer,
  emulatorUrl: string,
  save: (round: number) => Promise<void>,
  seconds: number,
): Promise<Omit<TypingMeasure, "messageBytes" | "bytesToGmailMb">> {
  await control(emulatorUrl, "DELETE", "requests");
  const rss = [residentMemoryMb(app.process.pid!)];
  const sampler = setInterval(() => rss.push(residentMemoryMb(app.process.pid!)), 100);
  const rounds = Math.floor((seconds * 1000) / SAVE_EVERY_MS);
  const started = performance.now();
  try {
    for (let round = 1; round <= rounds; round++) {
      const due = started + round * SAVE_EVERY_MS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await save(round);
    }
  } finally {
    clearInterval(sampler);
  }
  const { requests } = await control<{ requests: Logged[] }>(emulatorUrl, "GET", "requests");
  const gmail = requests.filter((request) => /^\/(gmail|upload|resumable|batch)\//.test(request.path));
  return {
    seconds,
    saves: rounds,
    gmailRequests: gmail.length,
    perMinute: round1((gmail.length * 60) / seconds),
    // One message written per upload started (a multipart upload, or a resumable session's opening; its
    // chunks go to the session's address, which names its upload_id).
    messagesWritten: gmail.filter((request) => request.path.startsWith("/upload/") && !request.path.includes("upload_id=")).length,
    peakRssMb: Math.max(...rss),
    startRssMb: rss[0]!,
  };
}

export async function measureDrafts(
  seconds = Number(process.env.BENCH_DRAFT_SECONDS ?? 60),
): Promise<{ result: DraftBench; rows: [string, string][] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-bench-drafts-"));
  const emulator = await startEmulatorProcess(await findFreePort());
  const env = productionEnv({ databaseUrl: `file:${path.join(dataDir, "mailroom.db")}`, dataDir, emulatorUrl: emulator.url });
  let app: AppServer | undefined;
  try {
    await prepareDatabase(env);
    app = await startAppServer({ port: await findFreePort(), mode: "start", env });
    const appUrl = app.url;
    const cookie = await signInOverHttp(appUrl, emulator.url, "ada@example.com", { scope: `openid email profile ${GMAIL_MODIFY_SCOPE}` });
    const call = async <T>(
      method: string,
      url: string,
      body: BodyInit,
      type = "application/json",
      extra: Record<string, string> = {},
    ): Promise<T> => {
      const response = await fetch(`${appUrl}${url}`, {
        method,
        body,
        headers: { cookie, origin: appUrl, "content-type": type, ...extra },
      });
      const answer = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const draft = (text: string, version?: string, attachments: string[] = []) =>
      JSON.stringify({
        to: ["Grace Hopper <grace@example.com>"],
        subject: "Notes",
        html: `<p>${text}</p>`,
        attachments,
        ...(version ? { version } : {}),
      });
    /** Autosave of a composer: the text grows a few words every 3 s; each save builds on the last version. */
    const autosave = async (attachments: string[]) => {
      let saved = await call<Saved>("POST", "/api/drafts", draft("Dear Grace,", undefined, attachments));
      let text = "Dear Grace,";
      return (round: number) =>
        (async () => {
          text += ` the figures for week ${round} look right.`;
          saved = await call<Saved>("PUT", `/api/drafts/${saved.id}`, draft(text, saved.version, attachments));
        })();
    };
    const stored = async () => {
      const { messages } = await control<{ messages: { raw: string }[] }>(
        emulator.url,
        "GET",
        "messages?email=ada@example.com&labelIds=DRAFT",
      );
      return Math.max(0, ...messages.map((message) => Buffer.from(message.raw, "base64url").length));
    };

    const plainSave = await autosave([]);
    const plain = await typing(app, emulator.url, plainSave, seconds);
    const plainBytes = await stored();

    const file = randomBytes(20 * MB);
    const upload = await call<{ uploadId: string }>("POST", "/api/uploads", file, "application/octet-stream", {
      "x-filename": "scans.bin",
    });
    const bigSave = await autosave([upload.uploadId]);
    const big = await typing(app, emulator.url, bigSave, seconds);
    const bigBytes = await stored();

    // Each drafts.update carries the whole message: bytes sent are the messages written × its size.
    const withBytes = (measure: typeof plain, messageBytes: number): TypingMeasure => ({
      ...measure,
      messageBytes,
      bytesToGmailMb: round1((measure.messagesWritten * messageBytes) / MB),
    });
    const result: DraftBench = { autosave: withBytes(plain, plainBytes), largeAttachment: withBytes(big, bigBytes) };
    const rows: [string, string][] = [
      [
        `drafts: autosave every 3 s for ${seconds} s, Gmail requests (per minute)`,
        `${plain.gmailRequests} (${plain.perMinute}/min; ${plain.saves} saves)`,
      ],
      [
        `drafts: 20 MB attachment, ${seconds} s of typing: Gmail requests, bytes sent to Gmail`,
        `${big.gmailRequests} requests, ${result.largeAttachment.bytesToGmailMb} MB (${big.saves} saves, ${big.messagesWritten} written to Gmail × ${round1(bigBytes / MB)} MB)`,
      ],
      ["drafts: 20 MB attachment, app server RSS at start / peak", `${big.startRssMb} / ${big.peakRssMb} MB`],
    ];
    return { result, rows };
  } finally {
    await app?.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `npx tsx scripts/testing/draft-bench.ts` runs this part alone (the production build must exist).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await measureDrafts();
  for (const [name, value] of rows) process.stdout.write(`| ${name} | ${value} |\n`);
}
