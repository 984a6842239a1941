import { createHash, sign, verify, type KeyObject } from "node:crypto";
import type { SigningKeys } from "./keys";

/** Compact RS256 JWS with node:crypto: the header Google uses is `{alg, kid, typ}`. */
export function signJwt(keys: SigningKeys, claims: Record<string, unknown>): string {
  return signRs256({ alg: "RS256", kid: keys.kid, typ: "JWT" }, claims, keys.privateKey);
}

/** Compact RS256 JWS with any header and key (the RISC SETs and their forgeries need both). */
export function signRs256(header: Record<string, unknown>, claims: Record<string, unknown>, privateKey: KeyObject): string {
  const input = `${base64urlJson(header)}.${base64urlJson(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}

/** Verifies an RS256 JWT against one public key (the emulator's, or a service account's); header and claims, or undefined. */
export function verifyJwt(
  keys: Pick<SigningKeys, "publicKey">,
  token: string,
): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const [h, p, s] = token.split(".");
  if (h === undefined || p === undefined || s === undefined) return undefined;
  try {
    if (!verify("sha256", Buffer.from(`${h}.${p}`), keys.publicKey, Buffer.from(s, "base64url"))) return undefined;
    const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as Record<string, unknown>;
    const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>;
    return { header, claims };
  } catch {
    return undefined;
  }
}

/** OIDC at_hash: base64url of the left half of SHA-256 over the access token. */
export function atHash(accessToken: string): string {
  return createHash("sha256").update(accessToken, "ascii").digest().subarray(0, 16).toString("base64url");
}

export function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
