import { createHash, generateKeyPair, type JsonWebKey, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { selfSignedCertificatePem } from "./x509";

const generateKeyPairAsync = promisify(generateKeyPair);

/** The one RSA key the emulator signs id_tokens with, published as a JWK and as an X.509 certificate. */
export interface SigningKeys {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: JsonWebKey & { kid: string; alg: "RS256"; use: "sig" };
  /** `{ kid: PEM }` as /oauth2/v1/certs serves it: a self-signed certificate for the same key. */
  pemCertificates: Record<string, string>;
}

/** Generated off the main thread at start-up so the server can answer health checks immediately. */
export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPairAsync("rsa", { modulusLength: 2048 });
  const spki = publicKey.export({ type: "spki", format: "der" });
  // Google's kids are 40 hex digits; a SHA-1 of the key gives the same shape and is stable for the key.
  const kid = createHash("sha1").update(spki).digest("hex");
  const exported = publicKey.export({ format: "jwk" });
  const jwk = { kty: "RSA", alg: "RS256" as const, use: "sig" as const, kid, n: exported.n, e: exported.e };
  const pem = selfSignedCertificatePem(privateKey, publicKey, "mailroom-emulator.googleusercontent.com");
  return { kid, privateKey, publicKey, jwk, pemCertificates: { [kid]: pem } };
}
