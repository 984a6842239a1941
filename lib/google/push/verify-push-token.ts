import "server-only";
// Verifies the OIDC token Pub/Sub puts on an authenticated push, in two steps whose
// failures mean different things:
// - is it a token Google signed at all? RS256 only, the key by `kid` from the configured JWKS (never a key
//   the token carries), not expired. No, or no token: 401, the sender is not authenticated.
// - was it signed for us? `iss` Google, `aud` GOOGLE_PUSH_AUDIENCE, `email` GOOGLE_PUSH_SERVICE_ACCOUNT with
//   `email_verified` true. No: 403, a real Google token, but for someone else (another subscription, another
//   project's service account) and not allowed here.
import { errors as joseErrors, jwtVerify } from "jose";
import type { PushSettings } from "../../config-sync";
import { pushSigningKeys } from "./push-keys";

// A Google OIDC token is about a kilobyte; anything far larger is not one.
const MAX_TOKEN_LENGTH = 8 * 1024;

export type PushRefusal = { status: 401 | 403 | 503; reason: string };

export class PushRefused extends Error {
  constructor(readonly refusal: PushRefusal) {
    super(refusal.reason);
    this.name = "PushRefused";
  }
}

const unauthenticated = (reason: string) => new PushRefused({ status: 401, reason });
const forbidden = (reason: string) => new PushRefused({ status: 403, reason });

function bearerToken(authorization: string | null): string {
  const match = /^Bearer +([A-Za-z0-9_.-]+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) throw unauthenticated("The Authorization header holds no OIDC token.");
  if (match[1].length > MAX_TOKEN_LENGTH) throw unauthenticated("The Authorization header holds no Google OIDC token.");
  return match[1];
}

function describeFailure(error: unknown): PushRefused {
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
    // Google's keys could not be fetched: not the sender's fault. Pub/Sub delivers again later.
    return new PushRefused({ status: 503, reason: "Google's signing keys are unavailable." });
  }
  if (error instanceof joseErrors.JWTExpired) return unauthenticated("The token has expired.");
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported)
    return unauthenticated("The token is not signed with RS256.");
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys)
    return unauthenticated("The token names no key Google publishes.");
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return unauthenticated("The token's signature does not verify.");
  if (error instanceof joseErrors.JWTClaimValidationFailed) return unauthenticated(`The token's ${error.claim} claim is not valid.`);
  return unauthenticated("The Authorization header holds no valid signed token.");
}

/** The verified claims' `email`; throws PushRefused otherwise. */
export async function verifyPushToken(authorization: string | null, settings: PushSettings): Promise<{ email: string }> {
  const token = bearerToken(authorization);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, pushSigningKeys(settings.jwksUrl), {
      algorithms: ["RS256"],
      requiredClaims: ["exp", "iat"],
      clockTolerance: 30,
    }));
  } catch (error) {
    throw describeFailure(error);
  }
  if (typeof payload.iss !== "string" || !settings.issuers.includes(payload.iss)) throw forbidden("The token was not issued by Google.");
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(settings.audience)) throw forbidden("The token was issued for another audience.");
  if (typeof payload.email !== "string" || payload.email.toLowerCase() !== settings.serviceAccount) {
    throw forbidden("The token was issued to another service account.");
  }
  // A JSON boolean in push tokens; Google's id_tokens have used the string "true".
  if (payload.email_verified !== true && payload.email_verified !== "true") throw forbidden("The service account's email is not verified.");
  return { email: payload.email };
}
