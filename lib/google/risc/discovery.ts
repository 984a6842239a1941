import "server-only";
// Google's Cross-Account Protection discovery document: who signs security event
// tokens (`issuer`, compared exactly, trailing slash and all) and where their keys are (`jwks_uri`). Fetched on
// first use and kept for an hour; the key set itself is jose's remote JWKS, which refetches on an unknown kid
// (rate-limited), so a Google key rotation needs no restart.
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { getConfig } from "../../config";
import { AppError } from "../../errors";

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5_000;

const discoverySchema = z.object({
  issuer: z.string().min(1),
  jwks_uri: z.url({ protocol: /^https?$/ }),
});

export type RiscDiscovery = { issuer: string; keys: JWTVerifyGetKey };

let cached: { url: string; at: number; value: Promise<RiscDiscovery> } | undefined;

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

/** The discovery document of the configured Google (or emulator), cached; a failed fetch is not cached. */
export function getRiscDiscovery(): Promise<RiscDiscovery> {
  const url = getConfig().google.endpoints.riscConfiguration;
  const now = Date.now();
  if (!cached || cached.url !== url || now - cached.at > DISCOVERY_TTL_MS) {
    const value = fetchDiscovery(url);
    const entry = { url, at: now, value };
    cached = entry;
    value.catch(() => {
      if (cached === entry) cached = undefined;
    });
  }
  return cached.value;
}
