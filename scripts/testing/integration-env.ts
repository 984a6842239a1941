// One emulator (over HTTP, on a free port) and one fresh SQLite database file per test file. Vitest runs
// each file in its own process, so setting the environment here, before lib/config is first read, is safe.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator } from "../../emulator/server";
import { prepareDatabase } from "../lib/database";

export type IntegrationEnvironment = {
  emulatorUrl: string;
  databaseUrl: string;
  databaseFile: string;
  env: NodeJS.ProcessEnv;
  close: () => Promise<void>;
};

export async function startIntegrationEnvironment(): Promise<IntegrationEnvironment> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mailroom-it-"));
  const emulator = await startEmulator({ port: 0 });
  const databaseFile = path.join(dataDir, "mailroom.db");
  const env = {
    DATABASE_URL: `file:${databaseFile}`,
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
    databaseFile,
    env: { ...process.env },
    close: async () => {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
