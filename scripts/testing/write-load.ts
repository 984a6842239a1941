// The soak's writer: one person writing mail through the app while the rest of the load runs, at a person's
// pace. Each message is a draft to grace (every third with a 64 KB attachment uploaded first), saved as
// typing goes on (three updates, 3 s apart, alternating between the instances), then sent through the job
// runner. At the end it waits for the sends still due, then reads grace's mailbox at the emulator: each sent
// message must have arrived exactly once, whatever Gmail's injected faults did to the attempts.
import { randomBytes } from "node:crypto";
import { control } from "./emulator-client";

export type WriteLoadReport = {
  drafts: number;
  /** Every request the writer made (uploads, saves, sends), by status: 502/503 are Gmail's injected faults. */
  requests: { answered: number; ok: number; statuses: Record<string, number> };
  sendsScheduled: number;
  delivered: number;
  duplicates: number;
  notDelivered: number;
};

type App = { url: string };

const SAVE_INTERVAL_MS = 3_000;
const UPDATES_PER_DRAFT = 3;

export async function runWriteLoad(options: {
  instances: readonly App[];
  cookie: string;
  emulatorUrl: string;
  seconds: number;
  /** How long sends still due at the end may take to leave (retries after Gmail's faults included). */
  settleSeconds: number;
}): Promise<WriteLoadReport> {
  const { instances, cookie } = options;
  const deadline = Date.now() + options.seconds * 1000;
  const statuses: Record<string, number> = {};
  const sentSubjects: string[] = [];
  const run = randomBytes(3).toString("hex");
  const send = async (app: App, method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, Origin: app.url, "Content-Type": "application/json", ...headers },
      body: body instanceof Buffer ? new Blob([body]) : JSON.stringify(body),
    }).catch(() => null);
    const status = response?.status ?? 0;
    statuses[status] = (statuses[status] ?? 0) + 1;
    return { status, json: status === 200 ? ((await response!.json()) as Record<string, unknown>) : (await response?.arrayBuffer(), null) };
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  let drafts = 0;
  for (let index = 0; Date.now() < deadline; index += 1) {
    const app = instances[index % instances.length]!;
    const attachments: string[] = [];
    if (index % 3 === 0) {
      const upload = await send(app, "POST", "/api/uploads", randomBytes(64 * 1024), {
        "Content-Type": "application/octet-stream",
        "X-Filename": encodeURIComponent(`soak-${index}.bin`),
      });
      if (upload.json) attachments.push(String(upload.json.uploadId));
    }
    const subject = `Soak ${run} ${index}`;
    const draft = { to: ["grace@example.com"], subject, html: "<p>Typing…</p>", attachments };
    const created = await send(app, "POST", "/api/drafts", draft);
    if (!created.json) {
      await pause(SAVE_INTERVAL_MS);
      continue;
    }
    drafts += 1;
    const id = String(created.json.id);
    let version = String(created.json.version);
    for (let update = 1; update <= UPDATES_PER_DRAFT && Date.now() < deadline; update += 1) {
      await pause(SAVE_INTERVAL_MS);
      const saved = await send(instances[(index + update) % instances.length]!, "PUT", `/api/drafts/${id}`, {
        ...draft,
        html: `<p>${"Typing… ".repeat(update * 20)}</p>`,
        version,
        autosave: true,
      });
      if (saved.json) version = String(saved.json.version);
    }
    const scheduled = await send(app, "POST", "/api/send", { draftId: id });
    if (scheduled.json) sentSubjects.push(subject);
  }

  // Sends still in their window or waiting for a retry get time to leave.
  const settleBy = Date.now() + options.settleSeconds * 1000;
  let arrived = await subjectsIn(options.emulatorUrl, run);
  while (Date.now() < settleBy && sentSubjects.some((subject) => !arrived.includes(subject))) {
    await pause(1_000);
    arrived = await subjectsIn(options.emulatorUrl, run);
  }
  const copies = (subject: string) => arrived.filter((seen) => seen === subject).length;
  const requestCount = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  return {
    drafts,
    requests: { answered: requestCount, ok: statuses[200] ?? 0, statuses },
    sendsScheduled: sentSubjects.length,
    delivered: sentSubjects.filter((subject) => copies(subject) === 1).length,
    duplicates: sentSubjects.filter((subject) => copies(subject) > 1).length,
    notDelivered: sentSubjects.filter((subject) => copies(subject) === 0).length,
  };
}

/** The subjects of this run's messages in grace's inbox, one entry per copy. */
async function subjectsIn(emulatorUrl: string, run: string): Promise<string[]> {
  const { messages } = await control<{ messages: { raw: string; labelIds: string[] }[] }>(
    emulatorUrl,
    "GET",
    "messages?email=grace@example.com&labelIds=INBOX",
  );
  return messages.flatMap((message) => {
    const subject = /^Subject: (.*)$/im.exec(Buffer.from(message.raw, "base64url").toString("utf8"))?.[1]?.trim();
    return subject?.startsWith(`Soak ${run}`) ? [subject] : [];
  });
}
