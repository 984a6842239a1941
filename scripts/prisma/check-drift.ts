// `npm run db:drift` (part of `npm test`): the schema, the PostgreSQL schema generated from it, and both
// migration histories must all agree. Needs no database server.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, renderPostgresSchema, SQLITE_SCHEMA } from "./postgres-schema";

const failures: string[] = [];

if (readFileSync(POSTGRES_SCHEMA, "utf8") !== renderPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"))) {
  failures.push(`${POSTGRES_SCHEMA} is stale: run \`npm run db:postgres-schema\`.`);
}

try {
  execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", SQLITE_SCHEMA, "--exit-code"],
    { stdio: "pipe", env: { ...process.env, DATABASE_URL: "file:./.data/shadow-source.db", CHECKPOINT_DISABLE: "1" } },
  );
} catch {
  failures.push(`prisma/migrations does not produce ${SQLITE_SCHEMA}: run \`npm run db:new-migration -- <name>\`.`);
}

const postgresMigrations = path.join("prisma", "postgres", "migrations");
const folders = readdirSync(postgresMigrations)
  .filter((entry) => /^\d{14}_/.test(entry))
  .sort();
const sqliteFolders = readdirSync(path.join("prisma", "migrations"))
  .filter((entry) => /^\d{14}_/.test(entry))
  .sort();
if (folders.join() !== sqliteFolders.join())
  failures.push("the SQLite and PostgreSQL migration folders differ: create migrations with `npm run db:new-migration`.");
const snapshot = folders.at(-1) && readFileSync(path.join(postgresMigrations, folders.at(-1)!, "schema.prisma"), "utf8");
if (snapshot !== readFileSync(POSTGRES_SCHEMA, "utf8")) {
  failures.push(
    `the last PostgreSQL migration was not made from the current ${POSTGRES_SCHEMA}: run \`npm run db:new-migration -- <name>\`.`,
  );
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
console.log("No drift: the schema, the PostgreSQL schema and both migration histories agree.");
