// A throwaway PostgreSQL database, for app instances that must share one (the live-inbox specs and the bench).
import { randomBytes } from "node:crypto";

/**
 * A fresh PostgreSQL database for instances that must share one (their changes travel by LISTEN/NOTIFY).
 * Only PostgreSQL carries changes across instances, so this needs MAILROOM_TEST_POSTGRES_URL, as `.ci/run`
 * provides.
 */
export async function temporaryPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.MAILROOM_TEST_POSTGRES_URL;
  if (!server) {
    throw new Error("this test needs PostgreSQL: set MAILROOM_TEST_POSTGRES_URL to a server whose user may create databases");
  }
  const { default: pg } = await import("pg");
  const name = `mailroom_live_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
