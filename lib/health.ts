import "server-only";
import { getConfig } from "./config";
import { isDatabaseReachable } from "./db";

/**
 * `google` is "emulator" when every Google endpoint points at the emulator and it answers, so nobody mistakes
 * a demo for a real deployment; an emulator that does not answer is "unreachable", as Google would be.
 */
export type Health = { ok: boolean; database: "ok" | "unreachable"; google: "ok" | "emulator" | "unreachable" };

const GOOGLE_CHECK_TTL_MS = 30_000;
let googleCheck: { at: number; reachable: Promise<boolean> } | undefined;

/** Whether Google's (or the emulator's) discovery document answers; asked at most every 30 s. */
function isGoogleReachable(): Promise<boolean> {
  if (!googleCheck || Date.now() - googleCheck.at > GOOGLE_CHECK_TTL_MS) {
    const reachable = fetch(getConfig().google.endpoints.wellKnown, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    googleCheck = { at: Date.now(), reachable };
  }
  return googleCheck.reachable;
}

/**
 * Checks what the app depends on, for real (a query, a request). `ok` follows the database alone: an
 * instance that cannot reach Google is no better replaced by another that cannot either.
 */
export async function checkHealth(): Promise<Health> {
  const [database, google] = await Promise.all([isDatabaseReachable(), isGoogleReachable()]);
  const reachable = getConfig().google.mode === "emulator" ? "emulator" : "ok";
  return { ok: database, database: database ? "ok" : "unreachable", google: google ? reachable : "unreachable" };
}
