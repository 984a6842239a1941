// A second process on the embedded SQLite file while one instance serves: a restart that starts the new
// process before the old one stops (with or without a migration to apply), and the CLI beside them.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { type AppServer, productionEnv, startAppServer } from "../scripts/lib/app-server";
import { findFreePort } from "../scripts/lib/free-port";
import { signInOverHttp } from "../scripts/lib/http-session";
import { SQLITE_MIGRATIONS, migrateSqlite } from "../scripts/lib/sqlite-migrate";
import { expect, test } from "./fixtures";

const run = promisify(execFile);
const migrationNames = readdirSync(SQLITE_MIGRATIONS)
  .filter((name) => name !== "migration_lock.toml")
  .sort();

/** `npm start` as an operator runs it, in its own process group so that stopping it stops its server too. */
async function npmStart(env: NodeJS.ProcessEnv, port: number): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn("npm", ["start", "--silent"], {
    env: { ...env, PORT: String(port), NEXTAUTH_URL: url },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    await once(child, "exit");
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`npm start did not become healthy:\n${output}`);
}

async function health(url: string): Promise<unknown> {
  return (await fetch(`${url}/api/health`)).json();
}

/**
 * Serving, with its database and Google. Health gives Google 2 s to answer; while another release starts beside
 * it on a busy machine, a probe of the emulator may take longer, so a slow probe is asked again.
 */
async function expectHealthy(url: string): Promise<void> {
  await expect(async () => expect(await health(url)).toEqual({ ok: true, database: "ok", google: "emulator" })).toPass({ timeout: 20_000 });
}

function appliedMigrations(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name').all() as {
      migration_name: string;
    }[];
    return rows.map((row) => row.migration_name);
  } finally {
    db.close();
  }
}

test.describe("a second process on the same SQLite file", () => {
  let dataDir: string;
  let file: string;
  const stops: (() => Promise<void>)[] = [];

  test.beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-restart-"));
    file = path.join(dataDir, "mailroom.db");
  });
  test.afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("npm start beside a running instance: both serve, and the CLI rotates keys beside them", async ({ emulator }) => {
    test.setTimeout(180_000);
    const oldKey = `k1:${randomBytes(32).toString("base64")}`;
    const keyRing = `k2:${randomBytes(32).toString("base64")},${oldKey}`;
    const env = { ...productionEnv({ databaseUrl: `file:${file}`, dataDir, emulatorUrl: emulator.url }), TOKEN_ENCRYPTION_KEYS: oldKey };
    migrateSqlite(file);
    const running: AppServer = await startAppServer({ port: await findFreePort(), mode: "start", env });
    stops.push(running.close);
    // Someone is signed in, so the database holds tokens encrypted under k1, and a session.
    const cookie = await signInOverHttp(running.url, emulator.url, "ada@example.com");

    // The README's key rotation: restart with the new key first (the new process starts before the old one
    // stops), then re-encrypt with the CLI while both serve the same file.
    const second = await npmStart({ ...env, TOKEN_ENCRYPTION_KEYS: keyRing }, await findFreePort());
    stops.push(second.stop);
    await expectHealthy(running.url);
    await expectHealthy(second.url);
    const rotated = await run("npm", ["run", "--silent", "rotate-token-keys"], {
      env: { ...env, NEXTAUTH_URL: second.url, TOKEN_ENCRYPTION_KEYS: keyRing },
    });
    expect(rotated.stdout).toMatch(/re-encrypted [1-9]\d* token\(s\) under the newest key "k2"/);
    expect(rotated.stdout).toContain("No token is left under another key");

    // The session made on the old instance reads mail on the new one, with the re-encrypted tokens.
    const messages = await fetch(`${second.url}/api/messages?pageSize=3`, { headers: { cookie } });
    expect(messages.status).toBe(200);
    await expectHealthy(running.url);
  });

  test("npm start applies a pending migration while the previous release still serves the file", async ({ emulator }) => {
    test.setTimeout(180_000);
    const env = productionEnv({ databaseUrl: `file:${file}`, dataDir, emulatorUrl: emulator.url });
    // The previous release's database: every migration but the newest.
    const previousRelease = path.join(dataDir, "previous-migrations");
    for (const name of migrationNames.slice(0, -1)) {
      cpSync(path.join(SQLITE_MIGRATIONS, name), path.join(previousRelease, name), { recursive: true });
    }
    migrateSqlite(file, { migrationsDir: previousRelease });
    const running = await startAppServer({ port: await findFreePort(), mode: "start", env });
    stops.push(running.close);

    const second = await npmStart(env, await findFreePort());
    stops.push(second.stop);
    expect(appliedMigrations(file)).toEqual(migrationNames);
    await expectHealthy(second.url);
    await expectHealthy(running.url);
  });
});
