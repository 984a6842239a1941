// A send outlives the app server: the server is killed (SIGKILL, no goodbye) during the undo window, or while
// Gmail is sending, and started again on the same database; ada's message reaches grace exactly once. No
// browser is open after the send: the server's own clock sends it.
// The API around it (POST /api/send, GET /api/scheduled, DELETE /api/scheduled/{id}) answers bad input and
// other people with the JSON envelope and schedules nothing.
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
import { copiesOf, createDraft, draftExists } from "../scripts/testing/send-helpers";
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
    const waiting = async () => {
      const response = await fetch(`${restarted.url}/api/scheduled`, { headers: { cookie } });
      return `${response.status} ${await response.text()}`;
    };
    await expect.poll(waiting, { timeout: 60_000 }).toBe('200 {"scheduled":[]}');
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

test.describe("the send API refuses bad input and strangers", () => {
  type Answer = { status: number; body: { error?: { code: string; message: string }; scheduled?: unknown } };

  async function call(url: string, method: string, cookie: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const origin = new URL(url).origin;
    const response = await fetch(url, {
      method,
      headers: { cookie, origin, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  }

  test("Send, list, Undo; and every bad request answered with the envelope, nothing scheduled", async ({ appUrl, emulator }) => {
    test.setTimeout(120_000);
    const ada = await signInOverHttp(appUrl, emulator.url, "ada@example.com", { scope: MODIFY });
    const token = (await obtainTokens(emulator.url, { email: "ada@example.com", scope: MODIFY })).access_token;
    await emulator.control("POST", "consent", { autoApprove: false });
    const { draftId, subject } = await createDraft(emulator.url, token, { to: GRACE });
    const empty = await createDraft(emulator.url, token, {});
    const send = (body: unknown, headers?: Record<string, string>) => call(`${appUrl}/api/send`, "POST", ada, body, headers);
    const list = () => call(`${appUrl}/api/scheduled`, "GET", ada);

    expect(await send({ draftId }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect(await send({ draftId, sendAt: new Date(Date.now() - 60_000).toISOString() })).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request", message: expect.stringMatching(/in the past/) as unknown } },
    });
    expect(await send({ draftId, sendAt: "tomorrow" })).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    expect(await send({ draftId: "../../etc" })).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    expect(await send({ draftId: "r-424242" })).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await send({ draftId: empty.draftId })).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request", message: expect.stringMatching(/no recipients/) as unknown } },
    });
    expect(await list()).toEqual({ status: 200, body: { scheduled: [] } });

    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const accepted = await send({ draftId, sendAt });
    expect(accepted).toMatchObject({ status: 200, body: { scheduled: { draftId, sendAt } } });
    const { id } = accepted.body.scheduled as { id: string };
    expect(await list()).toMatchObject({
      status: 200,
      body: { scheduled: [{ id, draftId, sendAt, state: "scheduled", to: [GRACE], subject }] },
    });

    // Grace, signed in on her own, cannot see or cancel it; a cross-site DELETE is refused before anything.
    const grace = await signInOverHttp(appUrl, emulator.url, GRACE, { scope: MODIFY });
    expect(await call(`${appUrl}/api/scheduled/${id}`, "DELETE", grace)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    expect(await call(`${appUrl}/api/scheduled`, "GET", grace)).toEqual({ status: 200, body: { scheduled: [] } });
    expect(
      await call(`${appUrl}/api/scheduled/${id}`, "DELETE", ada, undefined, {
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      }),
    ).toMatchObject({ status: 403 });

    expect(await call(`${appUrl}/api/scheduled/${id}`, "DELETE", ada)).toEqual({ status: 200, body: { cancelled: { id } } });
    expect(await list()).toEqual({ status: 200, body: { scheduled: [] } });
    expect(await draftExists(emulator.url, token, draftId)).toBe(true);
  });

  test("an account that may only read is asked for gmail.modify, and nothing is scheduled", async ({ appUrl, emulator }) => {
    const reader = await signInOverHttp(appUrl, emulator.url, "ada@example.com");
    const answer = await call(`${appUrl}/api/send`, "POST", reader, { draftId: "r-1" });
    expect(answer).toMatchObject({ status: 403, body: { error: { code: "scope_required" } } });
  });
});
