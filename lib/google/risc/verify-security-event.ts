import "server-only";
// Verifies a Security Event Token the way Google's Cross-Account Protection guide asks,
// and nothing looser: RS256 only, the key chosen by `kid` from the discovered JWKS (never a key the token
// carries itself), `iss` exactly the discovered issuer, `aud` our client id (a string or an array holding it),
// `jti`, `iat` and `events` present. `exp` is never required: SETs record past events and do not expire.
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import { getConfig } from "../../config";
import { AppError } from "../../errors";
import { getRiscDiscovery } from "./discovery";

// A SET is a few hundred bytes; anything far larger is not one.
export const MAX_SET_LENGTH = 16 * 1024;

const securityEventSchema = z.object({
  jti: z.string().min(1).max(256),
  iat: z.number(),
  events: z
    .record(z.string().min(1), z.record(z.string(), z.unknown()))
    .refine((events) => Object.keys(events).length > 0, "events is empty"),
});

export type SecurityEventToken = z.output<typeof securityEventSchema> & { issuer: string };

function rejected(message: string, cause?: unknown): AppError {
  return new AppError("bad_request", message, { cause });
}

/** Why a token failed, in words safe to send back: never the token or any of its content. */
function describeFailure(error: unknown): AppError {
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
    // Google's keys could not be fetched: not the token's fault, so not a 400 that would drop the event.
    return new AppError("upstream_unavailable", "Google's signing keys are unavailable; try again later.", { cause: error });
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported)
    return rejected("The security event token is not signed with RS256.", error);
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys)
    return rejected("The security event token names no key Google publishes.", error);
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return rejected("The security event token's signature does not verify.", error);
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return rejected(`The security event token's ${error.claim} claim is not valid.`, error);
  return rejected("The body is not a valid security event token.", error);
}

/**
 * Whether the token could be a SET signed by Google at all: a compact JWS whose header asks for RS256 with a
 * key id and whose payload is a JSON object. Checked before anything is fetched from Google, so junk posted to
 * the public receiver costs no request.
 */
function hasSecurityEventShape(token: string): boolean {
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return false;
  try {
    const header = decodeProtectedHeader(token);
    decodeJwt(token);
    return header.alg === "RS256" && typeof header.kid === "string" && header.kid.length > 0;
  } catch {
    return false;
  }
}

export async function verifySecurityEventToken(body: string): Promise<SecurityEventToken> {
  const token = body.trim();
  if (!token || token.length > MAX_SET_LENGTH) throw rejected("The body is not a valid security event token.");
  if (!hasSecurityEventShape(token)) throw rejected("The body is not a security event token signed with RS256.");
  const discovery = await getRiscDiscovery();
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, discovery.keys, {
      algorithms: ["RS256"],
      issuer: discovery.issuer,
      audience: getConfig().google.clientId,
      requiredClaims: ["jti", "iat", "events"],
    }));
  } catch (error) {
    throw describeFailure(error);
  }
  const parsed = securityEventSchema.safeParse(payload);
  if (!parsed.success) throw rejected("The security event token's claims are malformed.");
  return { ...parsed.data, issuer: discovery.issuer };
}
