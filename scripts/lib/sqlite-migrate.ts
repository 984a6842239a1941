// Applies prisma/migrations to a SQLite file while other processes use it. Prisma's `migrate deploy` cannot:
// its schema engine sets `locking_mode=EXCLUSIVE`, which on a WAL database needs every other connection gone,
// so beside a running server it fails with SQLITE_BUSY (reported as "unknown variant `SocketTimeout`").
// This runner takes SQLite's ordinary write lock instead (BEGIN IMMEDIATE, waiting for it up to a busy
// timeout), so a new instance can migrate and start before the old one stops, and two starting at once apply
// each migration once. It keeps Prisma's own bookkeeping table (`_prisma_migrations`: the same columns, the
// SHA-256 of migration.sql as checksum), so `prisma migrate status` and `prisma migrate deploy` agree with it.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");

/** How long to wait for another process's write (or migration) to finish before giving up. */
const LOCK_WAIT_MS = 120_000;

const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

type Migration = { name: string; sql: string; checksum: string };
type AppliedRow = { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null };

function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((entry) => existsSync(path.join(dir, entry, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Prisma stores times as RFC 3339 text with an explicit offset; so do we, so its CLI reads our rows. */
function timestamp(): string {
  return new Date().toISOString().replace("Z", "+00:00");
}

function pendingMigrations(db: Database.Database, migrations: Migration[]): Migration[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  const rows = hasTable
    ? (db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"').all() as AppliedRow[])
    : [];
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `migration ${failed.migration_name} failed earlier and was never completed: fix the database, then mark it with \`npx prisma migrate resolve\``,
    );
  }
  const applied = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row.checksum]));
  return migrations.filter((migration) => {
    const previous = applied.get(migration.name);
    if (previous === undefined) return true;
    if (previous !== migration.checksum) {
      throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
    }
    return false;
  });
}

function applyInTransaction(db: Database.Database, migrations: Migration[]): string[] {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(CREATE_BOOKKEEPING);
    // Read under the write lock: another process may have applied some of them while this one waited.
    const pending = pendingMigrations(db, migrations);
    const record = db.prepare(
      'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
    );
    for (const migration of pending) {
      const startedAt = timestamp();
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      record.run(randomUUID(), migration.checksum, timestamp(), migration.name, startedAt);
    }
    // Foreign keys are off while tables are rebuilt (see below); check what they would have refused.
    const violation = db.prepare("PRAGMA foreign_key_check").get() as { table: string } | undefined;
    if (violation) throw new Error(`migrations left rows in "${violation.table}" that break a foreign key`);
    db.exec("COMMIT");
    return pending.map((migration) => migration.name);
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

/**
 * Switches the file to WAL (readers keep reading while a writer commits) and applies every pending migration
 * in one transaction; answers the names applied. Waits for other processes' writes rather than failing.
 */
export function migrateSqlite(file: string, options: { migrationsDir?: string; lockWaitMs?: number } = {}): string[] {
  const migrations = readMigrations(options.migrationsDir ?? SQLITE_MIGRATIONS);
  const db = new Database(file, { timeout: options.lockWaitMs ?? LOCK_WAIT_MS });
  try {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
    // Cheap check first: a start with nothing to apply never asks for the write lock.
    if (pendingMigrations(db, migrations).length === 0) return [];
    // A table rebuild (Prisma's "RedefineTables": create, copy, drop, rename) must not cascade the drop into
    // other tables, and `PRAGMA foreign_keys` inside the migration is ignored within a transaction: turn
    // enforcement off for this connection first, and check the result before committing.
    db.pragma("foreign_keys = OFF");
    return applyInTransaction(db, migrations);
  } finally {
    db.close();
  }
}
