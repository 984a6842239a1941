import { randomBytes } from "node:crypto";

/** What a user has consented to for one client; Google keeps the union across consents. */
export interface Grant {
  email: string;
  clientId: string;
  scopes: Set<string>;
}

export interface AuthorizationCode {
  code: string;
  email: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  issueRefreshToken: boolean;
  accessType: "online" | "offline";
  expiresAt: number;
  used: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  email: string;
  clientId: string;
  scopes: string[];
  revoked: boolean;
}

export interface AccessTokenRecord {
  token: string;
  email: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
  accessType: "online" | "offline";
}

export const ACCESS_TOKEN_SECONDS = 3599;
const CODE_TTL_MS = 10 * 60_000;

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/** Codes, tokens and grants. Records are never deleted on revoke, so a revoked token stays distinguishable. */
export class TokenStore {
  private readonly grants = new Map<string, Grant>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();

  grant(email: string, clientId: string): Grant | undefined {
    return this.grants.get(grantKey(email, clientId));
  }

  addToGrant(email: string, clientId: string, scopes: readonly string[]): Grant {
    const key = grantKey(email, clientId);
    const grant = this.grants.get(key) ?? { email, clientId, scopes: new Set<string>() };
    for (const scope of scopes) grant.scopes.add(scope);
    this.grants.set(key, grant);
    return grant;
  }

  issueCode(fields: Omit<AuthorizationCode, "code" | "expiresAt" | "used">): AuthorizationCode {
    const code: AuthorizationCode = { ...fields, code: `4/0A${randomToken(52)}`, expiresAt: Date.now() + CODE_TTL_MS, used: false };
    this.codes.set(code.code, code);
    return code;
  }

  code(value: string): AuthorizationCode | undefined {
    return this.codes.get(value);
  }

  issueRefreshToken(email: string, clientId: string, scopes: readonly string[]): RefreshTokenRecord {
    const record = { token: `1//0${randomToken(72)}`, email, clientId, scopes: [...scopes], revoked: false };
    this.refreshTokens.set(record.token, record);
    return record;
  }

  refreshToken(value: string): RefreshTokenRecord | undefined {
    return this.refreshTokens.get(value);
  }

  /** The newest live refresh token of a user for a client (the one a RISC token-revoked event names). */
  latestRefreshToken(email: string, clientId: string): RefreshTokenRecord | undefined {
    let latest: RefreshTokenRecord | undefined;
    for (const record of this.refreshTokens.values()) {
      if (!record.revoked && record.clientId === clientId && record.email.toLowerCase() === email.toLowerCase()) latest = record;
    }
    return latest;
  }

  /** After an incremental grant, the user's live refresh tokens for the client cover the union (the combined authorization). */
  widenRefreshTokens(email: string, clientId: string, scopes: readonly string[]): void {
    for (const record of this.refreshTokens.values()) {
      if (record.revoked || record.clientId !== clientId || record.email.toLowerCase() !== email.toLowerCase()) continue;
      record.scopes = [...new Set([...record.scopes, ...scopes])];
    }
  }

  issueAccessToken(email: string, clientId: string, scopes: readonly string[], accessType: "online" | "offline"): AccessTokenRecord {
    const record: AccessTokenRecord = {
      token: `ya29.a0${randomToken(120)}`,
      email,
      clientId,
      scopes: [...scopes],
      expiresAt: Date.now() + ACCESS_TOKEN_SECONDS * 1000,
      revoked: false,
      accessType,
    };
    this.accessTokens.set(record.token, record);
    return record;
  }

  accessToken(value: string): AccessTokenRecord | undefined {
    return this.accessTokens.get(value);
  }

  /** The access token if it may be used right now. */
  validAccessToken(value: string): AccessTokenRecord | undefined {
    const record = this.accessTokens.get(value);
    return record && !record.revoked && record.expiresAt > Date.now() ? record : undefined;
  }

  /**
   * Ends a user's grant to one client (or to every client): refresh tokens then fail with invalid_grant,
   * access tokens with 401, and the next authorization shows the consent screen again.
   */
  revokeGrant(email: string, clientId?: string): number {
    let count = 0;
    const matches = (r: { email: string; clientId: string }) =>
      r.email.toLowerCase() === email.toLowerCase() && (clientId === undefined || r.clientId === clientId);
    for (const record of [...this.refreshTokens.values(), ...this.accessTokens.values()]) {
      if (matches(record) && !record.revoked) {
        record.revoked = true;
        count++;
      }
    }
    for (const [key, grant] of this.grants) if (matches(grant)) this.grants.delete(key);
    return count;
  }

  /**
   * The user's live grants (for the control API): per client, the consented scopes and how many refresh
   * tokens still work. A revoked grant is gone from the list.
   */
  grantsOf(email: string): { clientId: string; scopes: string[]; liveRefreshTokens: number }[] {
    const same = (other: string) => other.toLowerCase() === email.toLowerCase();
    return [...this.grants.values()]
      .filter((grant) => same(grant.email))
      .map((grant) => ({
        clientId: grant.clientId,
        scopes: [...grant.scopes].sort(),
        liveRefreshTokens: [...this.refreshTokens.values()].filter((r) => same(r.email) && r.clientId === grant.clientId && !r.revoked)
          .length,
      }));
  }

  /** Makes access tokens expire now (all users when email is omitted); returns how many were live. */
  expireAccessTokens(email?: string): number {
    const now = Date.now();
    let count = 0;
    for (const record of this.accessTokens.values()) {
      if (email !== undefined && record.email.toLowerCase() !== email.toLowerCase()) continue;
      if (record.expiresAt > now && !record.revoked) count++;
      record.expiresAt = Math.min(record.expiresAt, now - 1);
    }
    return count;
  }
}

function grantKey(email: string, clientId: string): string {
  return `${email.toLowerCase()}\n${clientId}`;
}
