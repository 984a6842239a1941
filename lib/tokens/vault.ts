import "server-only";
// Encryption at rest for OAuth tokens: AES-256-GCM under a key ring. The newest key encrypts; every key
// decrypts, so keys can be rotated without a flag day (see scripts/rotate-token-keys.ts). The ciphertext is
// bound to where it is stored (associated data), so a value copied into another row or column fails to
// decrypt instead of handing one user's token to another.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { TokenKey } from "../config";

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class VaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VaultError";
  }
}

/** Where a secret lives, e.g. "google:110169484474386276334:refresh_token". */
export type SecretContext = string;

export function encryptSecret(plaintext: string, keys: readonly TokenKey[], context: SecretContext): string {
  const newest = keys[0];
  if (!newest) throw new VaultError("the key ring is empty");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", newest.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [FORMAT, newest.id, iv.toString("base64url"), sealed.toString("base64url")].join(".");
}

export function decryptSecret(stored: string, keys: readonly TokenKey[], context: SecretContext): string {
  const [format, keyId, ivText, sealedText, ...rest] = stored.split(".");
  if (format !== FORMAT || !keyId || !ivText || !sealedText || rest.length > 0) {
    throw new VaultError("stored secret is not in the vault's format");
  }
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) throw new VaultError(`stored secret was encrypted with key "${keyId}", which is not in TOKEN_ENCRYPTION_KEYS`);
  const iv = Buffer.from(ivText, "base64url");
  const sealed = Buffer.from(sealedText, "base64url");
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new VaultError("stored secret is truncated");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new VaultError("stored secret failed authentication (tampered, or stored under another account)");
  }
}

/** The id of the key a stored secret was encrypted with, or null when it is not a vault value. */
export function keyIdOf(stored: string): string | null {
  const [format, keyId] = stored.split(".");
  return format === FORMAT && keyId ? keyId : null;
}
