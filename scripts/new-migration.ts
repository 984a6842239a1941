// Creates a migration offline: `npm run db:new-migration -- <name>`.
// `prisma migrate dev` needs a native engine that cannot be downloaded here, so the SQL comes from
// `prisma migrate diff` (migrations so far → schema) and lands in a new timestamped folder.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}

const migrationsDir = path.join("prisma", "migrations");
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((entry) => /^\d{14}_/.test(entry));
const from = hasMigrations ? ["--from-migrations", migrationsDir] : ["--from-empty"];

// Diffing against migrations replays them in a scratch (shadow) database; keep it out of the real one.
const env = { ...process.env, DATABASE_URL: "file:./.data/shadow-source.db" };
mkdirSync(".data", { recursive: true });
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"] },
);

if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
  console.log("The schema matches the migrations: nothing to do.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
}
console.log(`Created ${folder}/migration.sql`);
