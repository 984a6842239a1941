import "server-only";
import { isDatabaseReachable } from "./db";

export type Health = { ok: boolean; database: "ok" | "unreachable" };

/** Checks the parts the app cannot work without, for real (a query, not a flag). */
export async function checkHealth(): Promise<Health> {
  const database = (await isDatabaseReachable()) ? "ok" : "unreachable";
  return { ok: database === "ok", database };
}
