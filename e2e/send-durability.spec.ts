// A send outlives the app server: the server is killed (SIGKILL, no goodbye) during the undo window, or while
// Gmail is sending, and started again on the same database; ada's message reaches grace exactly once. No
// browser is open after the send: the server's own clock sends it.
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { GMAIL_MODIFY, obtainTokens } from "../emulator/testing/control-client";
import { type AppServer, productionEnv, startAppServer } from "../scripts/lib/app-server";
import { findFreePort } from "../scripts/lib/free-port";
import { signInOverHttp } from "../scripts/lib/http-session";
import { migrateSqlite } from "../scripts/lib/sqlite-migrate";
import { copiesOf, createDraft } from "../scripts/testing/send-helpers";
import { type Emulator, expect, test } from "./fixtures";

const GRACE = "grace@example.com";
const MODIFY = `openid email profile ${GMAIL_MODIFY}`;

type Scheduled = { id: string; draftId: string; sendAt: string; undoUntil: string };

async function killHard(app: AppServer): Promise<void> {
  app.process.kill("SIGKILL");
  await once(app.process, "exit");
}

function jobState(file: string, id: string): string | undefined {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT state FROM "Job" WHERE id = ?').get(id) as { state: string } | undefined)?.state;
  } finally {
    db.close();
  }
}

test.describe("a send survives the app server being killed", () => {
  let dataDir: string;
  let file: string;
  const stops: (() => Promise<void>)[] = [];

  test.beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-send-"));
    file = path.join(dataDir, "mailroom.db");
    migrateSqlite(file);
  });
  test.afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** An instance on this test's database, signed in as ada with gmail.modify, and a draft from ada to grace. */
  async function sendFromAda(emulator: Emulator, env: NodeJS.ProcessEnv, port: number) {
    const app = await startAppServer({ port, mode: "start", env });
    stops.push(app.close);
    const cookie = await signInOverHttp(app.url, emulator.url, "ada@example.com", { scope: MODIFY });
    const token = (await obtainTokens(emulator.url, { email: "ada@example.com", scope: MODIFY })).access_token;
    await emulator.control("POST", "consent", { autoApprove: false });
    const draft = await createDraft(emulator.url, token, { to: GRACE });
    const response = await fetch(`${app.url}/api/send`, {
      method: "POST",
      headers: { cookie, origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ draftId: draft.draftId }),
    });
    expect(response.status).toBe(200);
    const { scheduled } = (await response.json()) as { scheduled: Scheduled };
    return { app, cookie, scheduled, subject: draft.subject };
  }

  async function restartAndAwaitOneCopy(emulator: Emulator, env: NodeJS.ProcessEnv, port: number, cookie: string, subject: string) {
    const restarted = await startAppServer({ port, mode: "start", env });
    stops.push(restarted.close);
    await expect.poll(async () => (await copiesOf(emulator.url, GRACE, "INBOX", subject)).length, { timeout: 90_000 }).toBe(1);
    // Finished: nothing waits any more, so nothing else can leave.
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${restarted.url}/api/scheduled`, { headers: { cookie } })).json()) as { scheduled: unknown[] }).scheduled,
        {
          timeout: 60_000,
        },
      )
      .toEqual([]);
    expect(await copiesOf(emulator.url, GRACE, "INBOX", subject)).toHaveLength(1);
    expect(await copiesOf(emulator.url, "ada@example.com", "SENT", subject)).toHaveLength(1);
  }

  test("killed during the undo window and started again: exactly one copy arrives", async ({ emulator }) => {
    test.setTimeout(180_000);
    const env = productionEnv({ databaseUrl: `file:${file}`, dataDir, emulatorUrl: emulator.url });
    const port = await findFreePort();
    const { app, cookie, scheduled, subject } = await sendFromAda(emulator, env, port);
    await killHard(app);
    // Killed before the window ended: nothing had left yet.
    expect(jobState(file, scheduled.id)).toBe("scheduled");
    expect(await copiesOf(emulator.url, GRACE, "INBOX", subject)).toHaveLength(0);

    await restartAndAwaitOneCopy(emulator, env, port, cookie, subject);
  });

  test("killed while Gmail is sending and started again: the new instance checks Gmail and sends no second copy", async ({ emulator }) => {
    test.setTimeout(180_000);
    const env = { ...productionEnv({ databaseUrl: `file:${file}`, dataDir, emulatorUrl: emulator.url }), UNDO_SEND_SECONDS: "0" };
    const port = await findFreePort();
    // Gmail takes its time over this send, so the server can die with the request on its way.
    await emulator.control("POST", "faults", {
      match: { method: "POST", path: "/gmail/v1/users/me/drafts/send" },
      latencyMs: 4_000,
      count: 1,
    });
    const { app, cookie, scheduled, subject } = await sendFromAda(emulator, env, port);
    await expect.poll(() => jobState(file, scheduled.id), { timeout: 15_000 }).toBe("running");
    await killHard(app);
    expect(jobState(file, scheduled.id)).toBe("running");

    await restartAndAwaitOneCopy(emulator, env, port, cookie, subject);
  });
});
