import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type AppServer, productionEnv, startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { findFreePort } from "../scripts/lib/free-port";
import { signInOverHttp } from "../scripts/lib/http-session";
import { expect, test } from "./fixtures";

// Several stateless instances sharing one database: PostgreSQL when CI provides a server
// (MAILROOM_TEST_POSTGRES_URL), otherwise one SQLite file shared by both processes.
async function sharedDatabase(dataDir: string): Promise<{ url: string; run: (sql: string) => Promise<void>; drop: () => Promise<void> }> {
  const server = process.env.MAILROOM_TEST_POSTGRES_URL;
  if (!server) {
    const url = `file:${path.join(dataDir, "shared.db")}`;
    return {
      url,
      run: (sql) => {
        const db = new Database(url.slice("file:".length));
        db.exec(sql);
        db.close();
        return Promise.resolve();
      },
      drop: () => Promise.resolve(),
    };
  }
  const name = `mailroom_multi_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string, database = server) => {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    run: (sql) => admin(sql, url.toString()),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

test("two instances share sessions, refresh once between them, and both see a revocation", async ({ emulator }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-multi-"));
  const database = await sharedDatabase(dataDir);
  const env = productionEnv({ databaseUrl: database.url, dataDir, emulatorUrl: emulator.url });
  const servers: AppServer[] = [];
  try {
    await prepareDatabase(env);
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    servers.push(...(await Promise.all([portA, portB].map((port) => startAppServer({ port, mode: "start", env })))));
    const [a, b] = servers as [AppServer, AppServer];

    // A session made on one instance is valid on the other.
    const cookie = await signInOverHttp(a.url, emulator.url, "ada@example.com");
    const onB = await fetch(`${b.url}/api/messages?pageSize=5`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { messages: unknown[] }).messages).toHaveLength(5);

    // 100 concurrent requests over both instances meet an expired access token: one refresh in all.
    await database.run(`UPDATE "Account" SET "expires_at" = ${Math.floor(Date.now() / 1000) - 60}`);
    const grants = async () =>
      ((await emulator.control("GET", "stats")) as { grants: { refresh_token?: number } }).grants.refresh_token ?? 0;
    const before = await grants();
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        fetch(`${(index % 2 === 0 ? a : b).url}/api/messages?pageSize=5`, { headers: { cookie } }).then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        }),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect((await grants()) - before).toBe(1);

    // A revocation at Google is seen by both.
    await emulator.control("POST", "revoke", { email: "ada@example.com" });
    for (const server of [a, b]) {
      const response = await fetch(`${server.url}/api/messages`, { headers: { cookie } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "reauth_required", reason: "revoked" } });
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
