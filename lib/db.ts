import "server-only";
// The only Prisma client. The driver follows DATABASE_URL: a file: URL opens the embedded SQLite database.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { getConfig } from "./config";

export type Database = PrismaClient;

function createClient(): PrismaClient {
  const { database } = getConfig();
  if (database.provider !== "sqlite") {
    throw new Error("DATABASE_URL: PostgreSQL support is not built in yet");
  }
  // WAL lets readers proceed while a writer commits; busy_timeout makes concurrent writers (several
  // processes refreshing tokens) wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url: database.file, timeout: 10_000 });
  return new PrismaClient({ adapter });
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
