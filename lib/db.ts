import "server-only";
// The only Prisma client. The driver follows DATABASE_URL: a file: URL opens the embedded SQLite database;
// a postgresql:// URL connects to PostgreSQL, for several app instances sharing one database.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";
import { getConfig } from "./config";
import { installQueryPlanCache } from "./query-plan-cache";

export type Database = PrismaClient;

function createClient(): PrismaClient {
  installQueryPlanCache();
  const { database } = getConfig();
  if (database.provider === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10 }) });
    // Both clients are generated from one schema (prisma/postgres/schema.prisma is derived from it), so
    // their query APIs are the same; only the generated type names differ.
    return client as unknown as PrismaClient;
  }
  // busy_timeout (better-sqlite3's `timeout`) makes concurrent writers, such as several processes
  // refreshing tokens, wait for the lock instead of failing at once. WAL is set on the file by prepare-db.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: database.file, timeout: 10_000 }) });
}

// Next's dev server re-evaluates modules on every change; keep one client per process.
const globalForPrisma = globalThis as unknown as { mailroomPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.mailroomPrisma ??= createClient();
  return globalForPrisma.mailroomPrisma;
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
