// The server's log as an operator reads it: one JSON line per request with the id the client saw, no query
// value and no secret anywhere, the same id as the 500 envelope's "Reference:", and LOG_LEVEL obeyed. Each test
// runs its own production instance (its own database), since the log is that process's output.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { type AppServer, productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { findFreePort } from "../scripts/lib/free-port";
import { signInOverHttp } from "../scripts/lib/http-session";
import { expect, test } from "./fixtures";

type LogLine = Record<string, unknown> & { event?: string; level?: string };

function logLines(app: AppServer): LogLine[] {
  return app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

async function withInstance(
  emulatorUrl: string,
  extraEnv: Record<string, string>,
  run: (app: AppServer, databaseFile: string) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-edge-log-"));
  const databaseFile = path.join(dataDir, "mailroom.db");
  const env = { ...productionEnv({ databaseUrl: `file:${databaseFile}`, dataDir, emulatorUrl }), ...extraEnv };
  try {
    await prepareDatabase(env);
    const app = await startAppServer({ port: await findFreePort(), mode: "start", env });
    try {
      await run(app, databaseFile);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test.describe.configure({ timeout: 90_000 });

test("one JSON line per request: method, path without query values, status, ms and the response's request id", async ({ emulator }) => {
  await withInstance(emulator.url, {}, async (app) => {
    const cookie = await signInOverHttp(app.url, emulator.url, "ada@example.com");
    const response = await fetch(`${app.url}/api/messages?label=INBOX&q=quarterly%20salary%20review`, { headers: { cookie } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const requestId = response.headers.get("x-request-id");

    await expect.poll(() => logLines(app).find((line) => line.requestId === requestId)).toBeTruthy();
    const line = logLines(app).find((entry) => entry.requestId === requestId)!;
    expect(line).toMatchObject({ level: "info", event: "http.request", method: "GET", path: "/api/messages?label&q", status: 200 });
    expect(typeof line.ms).toBe("number");
    expect(typeof line.t).toBe("string");

    // The sign-in's callback carried an authorization code and a state: only their names reach the log.
    const callback = logLines(app).find((entry) => String(entry.path).startsWith("/api/auth/callback/google"));
    expect(callback?.path).toMatch(/^\/api\/auth\/callback\/google\?[\w&]+$/);
    expect(String(callback?.path).split("?")[1]?.split("&")).toEqual(expect.arrayContaining(["code", "state"]));
    const output = app.output();
    expect(output).not.toMatch(/quarterly|salary/);
    expect(output).not.toMatch(/4\/0A|ya29\.|next-auth\.session-token=/);
  });
});

test("an unexpected failure's 500 names the request id that the response header and the log line carry", async ({ emulator }) => {
  await withInstance(emulator.url, {}, async (app, databaseFile) => {
    const cookie = await signInOverHttp(app.url, emulator.url, "ada@example.com");
    // A row the app cannot read (a text where an expiry time belongs): an error no code path expects.
    const db = new Database(databaseFile);
    db.prepare("UPDATE Account SET expires_at = 'soon'").run();
    db.close();

    const response = await fetch(`${app.url}/api/messages`, { headers: { cookie } });
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(body.error.message).toContain(`Reference: ${requestId}`);

    await expect
      .poll(() =>
        logLines(app)
          .filter((line) => line.requestId === requestId)
          .map((line) => line.event),
      )
      .toEqual(expect.arrayContaining(["api.unexpected", "http.request"]));
    expect(logLines(app).find((line) => line.requestId === requestId && line.event === "api.unexpected")?.level).toBe("error");

    // A page reading the same row fails to render: Next reports it through onRequestError to the same logger,
    // with the page request's id, and prints no stack trace of its own.
    const page = await fetch(`${app.url}/inbox?q=private%20words`, { headers: { cookie } });
    await page.arrayBuffer();
    const pageRequestId = page.headers.get("x-request-id");
    await expect
      .poll(() => logLines(app).find((line) => line.requestId === pageRequestId && line.event === "request.error"))
      .toMatchObject({ level: "error", method: "GET", path: "/inbox?q", routeType: "render" });
    expect(app.output()).not.toMatch(/\n\s+at |private words/);
  });
});

test("LOG_LEVEL=warn keeps request lines out of the log", async ({ emulator }) => {
  await withInstance(emulator.url, { LOG_LEVEL: "warn" }, async (app) => {
    for (let i = 0; i < 3; i += 1) await (await fetch(`${app.url}/api/health`)).arrayBuffer();
    await (await fetch(`${app.url}/api/messages/%`)).arrayBuffer();
    expect(logLines(app).filter((line) => line.event === "http.request")).toEqual([]);
  });
});

test("an invalid LOG_LEVEL stops start-up with a message naming it", async ({ emulator }) => {
  const error = await withInstance(emulator.url, { LOG_LEVEL: "loud" }, () => Promise.resolve()).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, "the server must refuse to start").toBeInstanceOf(Error);
  const text = (error as Error).message;
  expect(text).toMatch(/exited with code 1/);
  expect(text).toMatch(/LOG_LEVEL must be one of debug, info, warn, error/);
  expect(text).not.toMatch(/\n\s+at /);
});
