import { createHash, generateKeyPair } from "node:crypto";
import { promisify } from "node:util";

const generateKeyPairAsync = promisify(generateKeyPair);

/** A fresh RSA key that is in no JWKS the emulator publishes, with a kid of Google's shape (for forgeries). */
export async function foreignKey() {
  const { privateKey, publicKey } = await generateKeyPairAsync("rsa", { modulusLength: 2048 });
  const kid = createHash("sha1")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
  const { n, e } = publicKey.export({ format: "jwk" });
  return { privateKey, kid, jwk: { kty: "RSA", alg: "RS256", use: "sig", kid, n, e } };
}
