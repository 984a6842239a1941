import type { Account } from "../users";
import { atHash, signJwt } from "./jwt";
import type { SigningKeys } from "./keys";
import { SCOPE_EMAIL, SCOPE_PROFILE } from "./scopes";

export const ISSUER = "https://accounts.google.com";

export interface IdTokenInput {
  clientId: string;
  account: Account;
  scopes: readonly string[];
  accessToken: string;
  nonce?: string;
  /** The emulator's origin, for the `picture` URL (served by the emulator itself, no network needed). */
  origin: string;
}

/** An id_token with Google's claims in Google's order; email and profile claims follow the granted scopes. */
export function buildIdToken(keys: SigningKeys, input: IdTokenInput): string {
  const { account, scopes } = input;
  const iat = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iss: ISSUER, azp: input.clientId, aud: input.clientId, sub: account.sub };
  if (scopes.includes(SCOPE_EMAIL)) {
    claims.email = account.email;
    claims.email_verified = true;
  }
  claims.at_hash = atHash(input.accessToken);
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  if (scopes.includes(SCOPE_PROFILE)) Object.assign(claims, profileClaims(account, input.origin));
  claims.iat = iat;
  claims.exp = iat + 3600;
  return signJwt(keys, claims);
}

export function pictureUrl(account: Account, origin: string): string {
  return `${origin}/a/${account.sub}=s96-c`;
}

export function profileClaims(account: Account, origin: string): Record<string, string> {
  const claims: Record<string, string> = { name: account.name, picture: pictureUrl(account, origin), given_name: account.givenName };
  if (account.familyName !== undefined) claims.family_name = account.familyName;
  return claims;
}
