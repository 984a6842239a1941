import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL } from "../../lib/defaults";
import { ensurePrivateDir, ensurePrivateFile, tightenIfExists } from "../../lib/private-files";
import { migratePostgres } from "./postgres-migrate";

const run = promisify(execFile);
const prismaBin = path.resolve("node_modules", ".bin", "prisma");

/** Applies pending migrations to the database that `env.DATABASE_URL` names. */
export async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const childEnv = { ...env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  if (url.startsWith("file:")) {
    const file = path.resolve(url.slice("file:".length));
    // Tokens and sessions live in this file: owner-only, before anything is written to it.
    const dir = path.dirname(file);
    ensurePrivateDir(dir, { tightenExisting: dir === path.resolve(env.MAILROOM_DATA_DIR ?? ".data") });
    ensurePrivateFile(file);
    await run(prismaBin, ["migrate", "deploy"], { env: childEnv });
    // WAL is a property of the database file: readers keep reading while a writer commits.
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.close();
    for (const suffix of ["-wal", "-shm", "-journal"]) tightenIfExists(`${file}${suffix}`);
    return;
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    await migratePostgres(url);
    return;
  }
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}
