// Creates a migration for both databases, offline: `npm run db:new-migration -- <name>`.
// `prisma migrate dev` needs a native engine that cannot be downloaded here, so the SQL comes from
// `prisma migrate diff`: for SQLite, migrations so far → schema (replayed in a scratch database); for
// PostgreSQL, the schema as of the last migration (kept beside it) → schema, which needs no server.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { POSTGRES_SCHEMA, renderPostgresSchema, SQLITE_SCHEMA } from "./prisma/postgres-schema";
import { readFileSync } from "node:fs";

const { positionals } = parseArgs({ allowPositionals: true });
const name = positionals[0];
if (!name || positionals.length > 1 || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}

const SQLITE_MIGRATIONS = path.join("prisma", "migrations");
const POSTGRES_MIGRATIONS = path.join("prisma", "postgres", "migrations");
const SNAPSHOT = "schema.prisma";

function prisma(args: string[]): string {
  // Diffing against migrations replays them in a scratch (shadow) database; keep it out of the real one.
  const env = { ...process.env, DATABASE_URL: "file:./.data/shadow-source.db", CHECKPOINT_DISABLE: "1" };
  mkdirSync(".data", { recursive: true });
  return execFileSync("npx", ["prisma", ...args], { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"] });
}

function migrationFolders(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((entry) => /^\d{14}_/.test(entry))
        .sort()
    : [];
}

const changes = (sql: string) => /\b(CREATE|ALTER|DROP)\b/i.test(sql);

writeFileSync(POSTGRES_SCHEMA, renderPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
const sqliteFrom = migrationFolders(SQLITE_MIGRATIONS).length > 0 ? ["--from-migrations", SQLITE_MIGRATIONS] : ["--from-empty"];
const sqliteSql = prisma(["migrate", "diff", ...sqliteFrom, "--to-schema-datamodel", SQLITE_SCHEMA, "--script"]);
const lastPostgres = migrationFolders(POSTGRES_MIGRATIONS).at(-1);
const postgresFrom = lastPostgres ? ["--from-schema-datamodel", path.join(POSTGRES_MIGRATIONS, lastPostgres, SNAPSHOT)] : ["--from-empty"];
const postgresSql = prisma(["migrate", "diff", ...postgresFrom, "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"]);

if (!changes(sqliteSql) && !changes(postgresSql)) {
  console.log("The schema matches the migrations: nothing to do.");
  process.exit(0);
}

const folderName = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
for (const [dir, sql, provider] of [
  [SQLITE_MIGRATIONS, sqliteSql, "sqlite"],
  [POSTGRES_MIGRATIONS, postgresSql, "postgresql"],
] as const) {
  const folder = path.join(dir, folderName);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  if (!existsSync(path.join(dir, "migration_lock.toml")))
    writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
  console.log(`Created ${folder}/migration.sql`);
}
copyFileSync(POSTGRES_SCHEMA, path.join(POSTGRES_MIGRATIONS, folderName, SNAPSHOT));
