// One emulator (over HTTP, on a free port) and one fresh SQLite database file per test file. Vitest runs
// each file in its own process, so setting the environment here, before lib/config is first read, is safe.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator } from "../../emulator/server";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { control } from "./emulator-client";
import { prepareDatabase } from "../lib/database";

declare global {
  var mailroomPrisma: { $disconnect(): Promise<void> } | undefined;
}

export type IntegrationEnvironment = {
  emulatorUrl: string;
  databaseUrl: string;
  /** The SQLite file, or null on PostgreSQL. */
  databaseFile: string | null;
  env: NodeJS.ProcessEnv;
  close: () => Promise<void>;
};

/**
 * With MAILROOM_TEST_POSTGRES_URL (a server URL whose user may create databases), each test file gets a
 * fresh PostgreSQL database instead of a SQLite file: `.ci/run` runs the database suites both ways.
 */
async function createTestDatabase(dataDir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.MAILROOM_TEST_POSTGRES_URL;
  if (!server) return { url: `file:${path.join(dataDir, "mailroom.db")}`, drop: () => Promise.resolve() };
  const name = `mailroom_it_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export async function startIntegrationEnvironment(): Promise<IntegrationEnvironment> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-it-"));
  const emulator = await startEmulator({ port: 0 });
  const databaseFile = path.join(dataDir, "mailroom.db");
  const database = await createTestDatabase(dataDir);
  const env = {
    DATABASE_URL: database.url,
    MAILROOM_DATA_DIR: dataDir,
    GOOGLE_EMULATOR_URL: emulator.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `it1:${randomBytes(32).toString("base64")}`,
  };
  Object.assign(process.env, env);
  await prepareDatabase(process.env);
  return {
    emulatorUrl: emulator.url,
    databaseUrl: env.DATABASE_URL,
    databaseFile: database.url.startsWith("file:") ? databaseFile : null,
    env: { ...process.env },
    close: async () => {
      await emulator.close();
      await globalThis.mailroomPrisma?.$disconnect();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the usual hooks of an integration test file: one environment for the file, and before each
 * test a reset emulator and no linked accounts. The returned object is filled in before the first test.
 */
export function useIntegrationEnvironment(): IntegrationEnvironment {
  const environment = {} as IntegrationEnvironment;
  beforeAll(async () => {
    Object.assign(environment, await startIntegrationEnvironment());
  });
  afterAll(async () => environment.close?.());
  beforeEach(async () => {
    await control(environment.emulatorUrl, "POST", "reset");
    const { getDb } = await import("@/lib/db");
    await getDb().account.deleteMany();
  });
  return environment;
}
