// The data directory holds the development secrets and the SQLite database (tokens, sessions): only the
// account that runs Mailroom may read it. Used by lib/dev-secrets.ts and by prepare-db (scripts), so no
// `server-only` here.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Creates the directory owner-only. `tightenExisting` also fixes one that exists (older versions made the data
 * directory 0755); never ask it of a directory Mailroom does not own, such as the parent of a DATABASE_URL file.
 */
export function ensurePrivateDir(dir: string, options: { tightenExisting: boolean }): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (options.tightenExisting) chmodSync(dir, PRIVATE_DIR);
}

/**
 * Creates the file owner-only if missing, and tightens it otherwise. SQLite gives the -wal and -shm files it
 * creates later the database file's mode, so making the database 0600 first covers them too.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, "a", PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
}

/** Tightens the file if it exists. */
export function tightenIfExists(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE);
}
