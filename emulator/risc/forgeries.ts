import { createHmac } from "node:crypto";
import { foreignKey as attackerKey } from "../oauth/foreign-key";
import { base64urlJson, signRs256 } from "../oauth/jwt";
import type { SigningKeys } from "../oauth/keys";
import { newJti } from "./set-claims";

export const SET_CONTENT_TYPE = "application/secevent+jwt";

/** The production issuer: a receiver that hard-codes it instead of discovering the issuer accepts this forgery. */
const GOOGLE_ISSUER = "https://accounts.google.com/";
const FOREIGN_AUDIENCE = "999999999999-attacker.apps.googleusercontent.com";

/**
 * What an attacker (or a confused sender) could POST to a receiver instead of Google's SET. All but
 * `replay` and `wrong-content-type` must fail verification; `replay` verifies but repeats a jti.
 */
export const REJECTED_FORGE_KINDS = [
  "wrong-key",
  "unknown-kid",
  "embedded-jwk",
  "wrong-audience",
  "wrong-issuer",
  "google-issuer",
  "alg-none",
  "missing-signature",
  "hs256",
  "tampered-payload",
  "not-a-jwt",
] as const;

export const FORGE_KINDS = [...REJECTED_FORGE_KINDS, "replay", "wrong-content-type"] as const;

export type ForgeKind = (typeof FORGE_KINDS)[number];

export interface SetBody {
  body: string;
  contentType: string;
}

/** A forged body built from the claims of a genuine SET; `replay` is handled by the caller (it needs the last SET). */
export async function forgeSet(kind: Exclude<ForgeKind, "replay">, claims: Record<string, unknown>, keys: SigningKeys): Promise<SetBody> {
  const set = (body: string, contentType = SET_CONTENT_TYPE): SetBody => ({ body, contentType });
  const header = { alg: "RS256", kid: keys.kid, typ: "JWT" };
  switch (kind) {
    case "wrong-key":
      return set(signRs256(header, claims, (await attackerKey()).privateKey));
    case "unknown-kid": {
      const attacker = await attackerKey();
      return set(signRs256({ ...header, kid: attacker.kid }, claims, attacker.privateKey));
    }
    case "embedded-jwk": {
      // The receiver must take keys from the discovered JWKS only, never from the token's own header.
      const attacker = await attackerKey();
      return set(signRs256({ ...header, kid: attacker.kid, jwk: attacker.jwk }, claims, attacker.privateKey));
    }
    case "wrong-audience":
      return set(signRs256(header, { ...claims, aud: FOREIGN_AUDIENCE }, keys.privateKey));
    case "wrong-issuer":
      return set(signRs256(header, { ...claims, iss: "https://accounts.example.net/" }, keys.privateKey));
    case "google-issuer":
      return set(signRs256(header, { ...claims, iss: GOOGLE_ISSUER }, keys.privateKey));
    case "alg-none":
      return set(`${base64urlJson({ alg: "none", typ: "JWT" })}.${base64urlJson(claims)}.`);
    case "missing-signature":
      return set(`${base64urlJson(header)}.${base64urlJson(claims)}.`);
    case "hs256": {
      // The classic algorithm confusion: HMAC keyed with the published RSA public key.
      const input = `${base64urlJson({ alg: "HS256", kid: keys.kid, typ: "JWT" })}.${base64urlJson(claims)}`;
      const secret = keys.publicKey.export({ type: "spki", format: "pem" });
      return set(`${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`);
    }
    case "tampered-payload": {
      // Signed as issued, then the payload swapped for an escalated one (new jti, reason hijacking).
      const [h, , s] = signRs256(header, claims, keys.privateKey).split(".");
      return set(`${h ?? ""}.${base64urlJson(escalate(claims))}.${s ?? ""}`);
    }
    case "not-a-jwt":
      return set("this is not a security event token");
    case "wrong-content-type":
      return set(signRs256(header, claims, keys.privateKey), "application/json");
  }
}

function escalate(claims: Record<string, unknown>): Record<string, unknown> {
  const events = Object.fromEntries(
    Object.entries(claims.events as Record<string, Record<string, unknown>>).map(([uri, event]) => [
      uri,
      { ...event, reason: "hijacking" },
    ]),
  );
  return { ...claims, jti: newJti(), events };
}
