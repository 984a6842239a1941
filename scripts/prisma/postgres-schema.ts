// The PostgreSQL schema is generated from prisma/schema.prisma (a Prisma schema's provider is a literal, and
// each provider needs its own generated client), so the two can never drift apart by hand.
// `npm run db:postgres-schema` writes it; `-- --check` fails when the committed copy is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function renderPostgresSchema(sqliteSchema: string): string {
  const replacements: [RegExp, string][] = [
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [/output\s*=\s*"\.\.\/generated\/prisma"/, 'output     = "../../generated/prisma-postgres"'],
    [/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/mailroom"'],
  ];
  let schema = sqliteSchema;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(schema)) throw new Error(`${SQLITE_SCHEMA}: expected to find ${pattern}`);
    schema = schema.replace(pattern, replacement);
  }
  return `// GENERATED from ${SQLITE_SCHEMA} by \`npm run db:postgres-schema\`. Do not edit: change the SQLite schema.\n${schema}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const expected = renderPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (parseArgs({ options: { check: { type: "boolean", default: false } } }).values.check) {
    let current = "";
    try {
      current = readFileSync(POSTGRES_SCHEMA, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== expected) {
      console.error(`${POSTGRES_SCHEMA} is stale: run \`npm run db:postgres-schema\` and create a migration for both databases.`);
      process.exit(1);
    }
    console.log(`${POSTGRES_SCHEMA} matches ${SQLITE_SCHEMA}.`);
  } else {
    writeFileSync(POSTGRES_SCHEMA, expected);
    console.log(`Wrote ${POSTGRES_SCHEMA}.`);
  }
}
