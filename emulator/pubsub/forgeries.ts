import { createHmac } from "node:crypto";
import { foreignKey } from "../oauth/foreign-key";
import { base64urlJson, signJwt, signRs256 } from "../oauth/jwt";
import type { SigningKeys } from "../oauth/keys";
import { pushTokenClaims, type PushTokenInput } from "./push-message";

/**
 * What someone other than Pub/Sub could POST to a push endpoint: a well-formed Gmail push body whose
 * `Authorization` is wrong in one way. A receiver that verifies as Google documents (RS256 against the JWKS,
 * issuer, audience, service account email, email_verified, exp) rejects every one of these.
 */
export const REJECTED_PUSH_FORGE_KINDS = [
  "wrong-audience",
  "wrong-signer",
  "unknown-kid",
  "unsigned",
  "hs256",
  "wrong-issuer",
  "wrong-service-account",
  "expired",
  "unverified-email",
  "no-authorization",
  "not-a-jwt",
] as const;

/** `replay` re-sends the last genuine push as it was (same body, same token): accept it, ignore the duplicate messageId. */
export const PUSH_FORGE_KINDS = [...REJECTED_PUSH_FORGE_KINDS, "replay"] as const;

export type PushForgeKind = (typeof PUSH_FORGE_KINDS)[number];

const FOREIGN_AUDIENCE = "https://attacker.example.net/api/google/push";
const FOREIGN_ISSUER = "https://accounts.example.net";
const FOREIGN_SERVICE_ACCOUNT = "pusher@attacker-project.iam.gserviceaccount.com";

/** The `Authorization` header value for a forged push (undefined: no header at all). */
export async function forgedAuthorization(
  kind: Exclude<PushForgeKind, "replay">,
  input: PushTokenInput,
  keys: SigningKeys,
): Promise<string | undefined> {
  const claims = pushTokenClaims(input);
  const header = { alg: "RS256", kid: keys.kid, typ: "JWT" };
  const bearer = (token: string) => `Bearer ${token}`;
  switch (kind) {
    case "wrong-audience":
      return bearer(signJwt(keys, { ...claims, aud: FOREIGN_AUDIENCE }));
    case "wrong-signer":
      // A valid-looking token under the genuine kid, signed by a key the JWKS does not hold.
      return bearer(signRs256(header, claims, (await foreignKey()).privateKey));
    case "unknown-kid": {
      const foreign = await foreignKey();
      return bearer(signRs256({ ...header, kid: foreign.kid }, claims, foreign.privateKey));
    }
    case "unsigned":
      return bearer(`${base64urlJson({ alg: "none", typ: "JWT" })}.${base64urlJson(claims)}.`);
    case "hs256": {
      const input = `${base64urlJson({ alg: "HS256", kid: keys.kid, typ: "JWT" })}.${base64urlJson(claims)}`;
      const secret = keys.publicKey.export({ type: "spki", format: "pem" });
      return bearer(`${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`);
    }
    case "wrong-issuer":
      return bearer(signJwt(keys, { ...claims, iss: FOREIGN_ISSUER }));
    case "wrong-service-account":
      // Genuinely signed by Google for another project's push subscription to this endpoint.
      return bearer(signJwt(keys, pushTokenClaims({ ...input, serviceAccount: FOREIGN_SERVICE_ACCOUNT })));
    case "expired": {
      const iat = Math.floor(Date.now() / 1000) - 7200;
      return bearer(signJwt(keys, pushTokenClaims({ ...input, iat })));
    }
    case "unverified-email":
      return bearer(signJwt(keys, { ...claims, email_verified: false }));
    case "no-authorization":
      return undefined;
    case "not-a-jwt":
      return bearer("this-is-not-a-token");
  }
}
