import { googleError } from "../gmail/errors";
import { readBearerToken } from "../http/params";
import type { EmuRequest, EmuResponse } from "../http/types";
import { verifyJwt } from "../oauth/jwt";
import type { EmulatorState } from "../state";
import type { ServiceAccount } from "./service-accounts";

const RISC_MANAGEMENT_AUDIENCE = "https://risc.googleapis.com/google.identity.risc.v1beta.RiscManagementService";

const MAX_LIFETIME_SECONDS = 3600;
const CLOCK_SKEW_SECONDS = 60;

export function riscError(status: 400 | 401 | 403 | 404, message: string): EmuResponse {
  const statusName = { 400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND" }[status];
  return googleError({ status, message, statusName });
}

/**
 * The stream API takes a self-signed service account JWT as the bearer: RS256 with the key's id as `kid`,
 * `iss` = `sub` = the account's email, `aud` = the RISC management service, valid at most one hour.
 */
export function authenticateServiceAccount(req: EmuRequest, state: EmulatorState): ServiceAccount | EmuResponse {
  const token = readBearerToken(req);
  if (!token) return riscError(401, "Unauthorized.");
  if (state.tokens.validAccessToken(token)) return riscError(403, "Stream management APIs should only be called by a service account.");
  const kid = headerKid(token);
  const account = kid === undefined ? undefined : state.risc.serviceAccounts.find(kid);
  const verified = account ? verifyJwt(account, token) : undefined;
  if (!account || !verified || verified.header.alg !== "RS256" || !claimsValid(verified.claims, account.email))
    return riscError(401, "Unauthorized.");
  if (!account.riscAdmin) return riscError(403, "Service account needs permission to access your RISC configuration");
  return account;
}

function claimsValid(claims: Record<string, unknown>, email: string): boolean {
  const now = Math.floor(Date.now() / 1000);
  const { iss, sub, aud, iat, exp } = claims;
  if (iss !== email || sub !== email || aud !== RISC_MANAGEMENT_AUDIENCE) return false;
  if (typeof iat !== "number" || typeof exp !== "number") return false;
  return exp > now && iat <= now + CLOCK_SKEW_SECONDS && exp - iat <= MAX_LIFETIME_SECONDS;
}

function headerKid(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as { kid?: unknown };
    return typeof header.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
}
