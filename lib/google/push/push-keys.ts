import "server-only";
// The keys that sign Pub/Sub's push tokens: Google's OAuth certificates, or the
// emulator's in emulator mode. jose's remote key set caches them and refetches (rate-limited) when a token
// names a key it does not know, so Google's key rotation needs no restart.
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";

const FETCH_TIMEOUT_MS = 5_000;
const keySets = new Map<string, JWTVerifyGetKey>();

export function pushSigningKeys(jwksUrl: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: FETCH_TIMEOUT_MS });
    keySets.set(jwksUrl, keys);
  }
  return keys;
}
