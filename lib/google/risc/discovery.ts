import "server-only";
// Google's Cross-Account Protection discovery document: who signs security event
// tokens (`issuer`, compared exactly, trailing slash and all) and where their keys are (`jwks_uri`). Fetched on
// first use and kept for an hour; the key set itself is jose's remote JWKS, which refetches on an unknown kid
// (rate-limited), so a Google key rotation needs no restart. A failed fetch is remembered for a few seconds:
// the receiver is public, and every POST to it must not become a request to Google.
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { getConfig } from "../../config";
import { AppError } from "../../errors";

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
/** How long a failed fetch answers for itself before the next POST tries Google again. */
export const FAILED_DISCOVERY_TTL_MS = 5_000;
const FETCH_TIMEOUT_MS = 5_000;

const discoverySchema = z.object({
  issuer: z.string().min(1),
  jwks_uri: z.url({ protocol: /^https?$/ }),
});

export type RiscDiscovery = { issuer: string; keys: JWTVerifyGetKey };

type CachedDiscovery = { url: string; at: number; value: Promise<RiscDiscovery>; failed: boolean };
let cached: CachedDiscovery | undefined;

async function fetchDiscovery(url: string): Promise<RiscDiscovery> {
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new AppError("upstream_unavailable", "Google's Cross-Account Protection configuration is unavailable.", { cause: error });
  }
  const parsed = discoverySchema.safeParse(body);
  if (!parsed.success) throw new AppError("upstream_unavailable", "Google's Cross-Account Protection configuration is unreadable.");
  return {
    issuer: parsed.data.issuer,
    keys: createRemoteJWKSet(new URL(parsed.data.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS }),
  };
}

/** The discovery document of the configured Google (or emulator), cached for an hour, a failure for seconds. */
export function getRiscDiscovery(): Promise<RiscDiscovery> {
  const url = getConfig().google.endpoints.riscConfiguration;
  const now = Date.now();
  if (!cached || cached.url !== url || now - cached.at > (cached.failed ? FAILED_DISCOVERY_TTL_MS : DISCOVERY_TTL_MS)) {
    const value = fetchDiscovery(url);
    const entry: CachedDiscovery = { url, at: now, value, failed: false };
    cached = entry;
    value.catch(() => {
      // From when it failed, not when it started: a slow failure is not retried at once.
      entry.failed = true;
      entry.at = Date.now();
    });
  }
  return cached.value;
}
