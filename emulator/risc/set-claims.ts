import { createHash, randomBytes } from "node:crypto";
import { EVENT_TYPES, type EventName } from "./event-types";

export type TokenIdentifierAlg = "prefix" | "hash_base64_sha512_sha512";

export interface SetInput {
  issuer: string;
  audience: string | string[];
  event: EventName;
  /** The Google account id (`sub` of its id_tokens); every event but verification and token-revoked names it. */
  sub?: string;
  reason?: string;
  state?: string;
  /** For token-revoked: the refresh token the event is about and how it is identified on the wire. */
  token?: { value: string; alg: TokenIdentifierAlg };
}

/** Google's sample jti is 32 hex digits; random ones of that shape are unique within the stream. */
export function newJti(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

/**
 * The claims of one Security Event Token, in the order of Google's sample: iss, aud, iat, jti, events. There is
 * deliberately no `exp`: SETs describe past events and do not expire (receivers must not require it).
 */
export function buildSetClaims(input: SetInput): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  const subject = subjectFor(input);
  if (subject) event.subject = subject;
  if (input.reason !== undefined) event.reason = input.reason;
  if (input.state !== undefined) event.state = input.state;
  return {
    iss: input.issuer,
    aud: input.audience,
    iat: Math.floor(Date.now() / 1000),
    jti: newJti(),
    events: { [EVENT_TYPES[input.event]]: event },
  };
}

function subjectFor(input: SetInput): Record<string, string> | undefined {
  if (input.event === "verification") return undefined;
  if (input.event === "token-revoked") {
    if (!input.token) throw new Error("token-revoked needs a token");
    // subject_type is unconfirmed for Google; `oauth_token` follows the OpenID OAuth event types.
    return {
      subject_type: "oauth_token",
      token_type: "refresh_token",
      token_identifier_alg: input.token.alg,
      token: tokenIdentifier(input.token.value, input.token.alg),
    };
  }
  if (input.sub === undefined) throw new Error(`${input.event} needs a subject`);
  return { subject_type: "iss-sub", iss: input.issuer, sub: input.sub };
}

/** `prefix`: the first 16 characters; `hash_base64_sha512_sha512`: base64 of SHA-512 over the raw SHA-512 digest. */
export function tokenIdentifier(token: string, alg: TokenIdentifierAlg): string {
  if (alg === "prefix") return token.slice(0, 16);
  const inner = createHash("sha512").update(token, "utf8").digest();
  return createHash("sha512").update(inner).digest("base64");
}
