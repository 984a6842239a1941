import "server-only";
import { getConfig } from "./config";
import { isDatabaseReachable } from "./db";

/**
 * `google` is "emulator" when every Google endpoint points at the emulator and it answers, so nobody mistakes
 * a demo for a real deployment; an emulator that does not answer is "unreachable", as Google would be.
 */
export type Health = { ok: boolean; database: "ok" | "unreachable"; google: "ok" | "emulator" | "unreachable" };

/**
 * An answer is trusted for 30 s. A failure only for 3 s: a slow moment (a busy machine, a release starting
 * beside this one) must not keep reporting Google unreachable long after it answers again.
 */
const REACHABLE_TTL_MS = 30_000;
const UNREACHABLE_TTL_MS = 3_000;
let googleCheck: { at: number; reachable: Promise<boolean>; answer?: boolean } | undefined;

function isFresh(check: NonNullable<typeof googleCheck>): boolean {
  if (check.answer === undefined) return true; // still asking: share the request in flight
  return Date.now() - check.at <= (check.answer ? REACHABLE_TTL_MS : UNREACHABLE_TTL_MS);
}

/** Whether Google's (or the emulator's) discovery document answers within 2 s. */
function isGoogleReachable(): Promise<boolean> {
  if (!googleCheck || !isFresh(googleCheck)) {
    const check: NonNullable<typeof googleCheck> = {
      at: Date.now(),
      reachable: fetch(getConfig().google.endpoints.wellKnown, { signal: AbortSignal.timeout(2_000) })
        .then((response) => response.ok)
        .catch(() => false)
        .then((answer) => {
          check.answer = answer;
          check.at = Date.now();
          return answer;
        }),
    };
    googleCheck = check;
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
