import path from "node:path";
import { DEFAULT_DATABASE_URL } from "../../lib/defaults";
import { ensurePrivateDir, ensurePrivateFile, tightenIfExists } from "../../lib/private-files";
import { migratePostgres } from "./postgres-migrate";
import { migrateSqlite } from "./sqlite-migrate";

/** Applies pending migrations to the database that `env.DATABASE_URL` names. */
export async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const file = path.resolve(url.slice("file:".length));
    // Tokens and sessions live in this file: owner-only, before anything is written to it.
    const dir = path.dirname(file);
    ensurePrivateDir(dir, { tightenExisting: dir === path.resolve(env.MAILROOM_DATA_DIR ?? ".data") });
    ensurePrivateFile(file);
    // Safe beside a running instance on the same file (a restart that starts the new process first, the CLI).
    migrateSqlite(file);
    for (const suffix of ["-wal", "-shm", "-journal"]) tightenIfExists(`${file}${suffix}`);
    return;
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    await migratePostgres(url);
    return;
  }
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}
