// Prisma CLI configuration. Prisma 6.19's JS schema engine runs through a driver adapter, so migrations need
// no native engine download. Only the CLI loads this file; the app's runtime client is built in lib/db.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL } from "./lib/defaults";
import { withScriptFallback } from "./scripts/prisma/sqlite-script-fallback";

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

if (!databaseUrl.startsWith("file:")) {
  throw new Error(
    `prisma.config.ts: DATABASE_URL must start with file: for the SQLite schema (got "${databaseUrl.split(":")[0]}:"). ` +
      "Use prisma/postgres/prisma.config.ts for PostgreSQL.",
  );
}

// `timeout` is SQLite's busy timeout: wait for another process's write instead of failing at once. Note that
// `prisma migrate deploy` still needs the file to itself (its engine locks it exclusively); `npm start` and
// `npm run prepare-db` apply migrations with scripts/lib/sqlite-migrate.ts, which works beside a running server.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: () => Promise.resolve(withScriptFallback(new PrismaBetterSQLite3({ url: databaseUrl.slice("file:".length), timeout: 10_000 }))),
});
