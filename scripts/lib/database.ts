import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";

const run = promisify(execFile);
export const DEFAULT_DATABASE_URL = "file:./.data/mailroom.db";
const prismaBin = path.resolve("node_modules", ".bin", "prisma");

/** Applies pending migrations to the database that `env.DATABASE_URL` names. */
export async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const childEnv = { ...env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  if (url.startsWith("file:")) {
    const file = path.resolve(url.slice("file:".length));
    mkdirSync(path.dirname(file), { recursive: true });
    await run(prismaBin, ["migrate", "deploy"], { env: childEnv });
    // WAL is a property of the database file: readers keep reading while a writer commits.
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.close();
    return;
  }
  throw new Error("DATABASE_URL: only file: (SQLite) databases can be prepared so far");
}
