// Applies prisma/postgres/migrations to a PostgreSQL database. Prisma 6.19's CLI can only reach PostgreSQL
// here through its JS schema engine, which needs several patches (stack-notes.md); the migrations are plain
// SQL, so a small runner does the job: in order, each in a transaction, recorded with a checksum, under an
// advisory lock so that instances starting together apply each migration once.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const POSTGRES_MIGRATIONS = path.join("prisma", "postgres", "migrations");
const LOCK_KEY = 727_274_001;

export async function migratePostgres(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_mailroom_migrations" (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_mailroom_migrations"')).rows.map((row) => [
        row.name,
        row.checksum,
      ]),
    );
    const folders = readdirSync(POSTGRES_MIGRATIONS)
      .filter((entry) => existsSync(path.join(POSTGRES_MIGRATIONS, entry, "migration.sql")))
      .sort();
    for (const folder of folders) {
      const sql = readFileSync(path.join(POSTGRES_MIGRATIONS, folder, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = done.get(folder);
      if (previous === checksum) continue;
      if (previous) throw new Error(`migration ${folder} was changed after it was applied; add a new migration instead`);
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_mailroom_migrations" (name, checksum) VALUES ($1, $2)', [folder, checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${folder} failed: ${(error as Error).message}`);
      }
      applied.push(folder);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
