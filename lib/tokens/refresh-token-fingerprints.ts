import "server-only";
// Google's Cross-Account Protection names a revoked refresh token in one of two forms: its first 16
// characters, or base64(SHA-512(SHA-512(token))). We keep one-way fingerprints of both next to the encrypted
// token, so such an event finds its account with one indexed query and without decrypting anything; neither
// fingerprint lets anyone rebuild the token (the prefix is stored only as a SHA-256).
import { createHash } from "node:crypto";

export type RefreshTokenFingerprints = { refreshTokenPrefixHash: string; refreshTokenHash: string };

/** SHA-256 of the 16-character prefix Google sends with `token_identifier_alg: "prefix"`. */
export function prefixFingerprint(prefix: string): string {
  return createHash("sha256").update(prefix, "utf8").digest("base64url");
}

/** Google's `hash_base64_sha512_sha512` identifier of a token. */
export function doubleSha512(token: string): string {
  const inner = createHash("sha512").update(token, "utf8").digest();
  return createHash("sha512").update(inner).digest("base64");
}

export function refreshTokenFingerprints(refreshToken: string): RefreshTokenFingerprints {
  return { refreshTokenPrefixHash: prefixFingerprint(refreshToken.slice(0, 16)), refreshTokenHash: doubleSha512(refreshToken) };
}
