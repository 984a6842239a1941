import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createLinkedAccount, setStoredExpiry, storedAccount } from "@/scripts/testing/accounts";
import { control, stats } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { refreshAfterCrash } from "@/scripts/testing/refresh-crash";
import { getDb } from "../db";
import { AppError, ReauthRequiredError } from "../errors";
import { getAccessToken } from "./access-token";
import { withGoogleAccess } from "./google-access";

const run = promisify(execFile);
const environment = useIntegrationEnvironment();

async function gmailProfile(accessToken: string): Promise<Response> {
  const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/profile`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (response.status === 401) throw Object.assign(new Error("401"), { status: 401 });
  return response;
}
const isUnauthorized = (error: unknown) => (error as { status?: number }).status === 401;

describe("getAccessToken", () => {
  it("returns the stored token while it is valid, without calling Google", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const before = await stats(environment.emulatorUrl);
    expect(await getAccessToken(await storedAccount(account.accountId))).toBe(account.tokens.access_token);
    expect((await stats(environment.emulatorUrl)).grants.refresh_token ?? 0).toBe(before.grants.refresh_token ?? 0);
  });

  it("refreshes a token that expires within five minutes exactly once for 20 concurrent callers", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await setStoredExpiry(account.accountId, 120);
    const tokens = await Promise.all(Array.from({ length: 20 }, async () => getAccessToken(await storedAccount(account.accountId))));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(account.tokens.access_token);
    expect((await stats(environment.emulatorUrl)).grants.refresh_token).toBe(1);
    expect((await gmailProfile(tokens[0]!)).status).toBe(200);
    // The new token and its expiry were stored: the next call is served from the database.
    expect(await getAccessToken(await storedAccount(account.accountId))).toBe(tokens[0]);
    expect((await stats(environment.emulatorUrl)).grants.refresh_token).toBe(1);
  });

  it("refreshes once for two separate processes sharing the database", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await setStoredExpiry(account.accountId, -10);
    const child = path.resolve("scripts/testing/concurrent-refresh-child.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const env = { ...process.env, START_AT: String(Date.now() + 4000) };
    const outputs = await Promise.all(
      [1, 2].map(() => run(tsx, ["--conditions=react-server", child, account.accountId, "20"], { env, timeout: 60_000 })),
    );
    const tokens = outputs.flatMap(({ stdout }) => (JSON.parse(stdout) as { tokens: string[] }).tokens);
    expect(new Set(tokens).size).toBe(1);
    expect((await stats(environment.emulatorUrl)).grants.refresh_token).toBe(1);
  });

  it("serves the first request after a process was killed mid-refresh, with exactly one further refresh grant", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await setStoredExpiry(account.accountId, -10);
    const { token, refreshGrants } = await refreshAfterCrash(environment.emulatorUrl, account.accountId);
    expect(refreshGrants).toBe(1);
    expect(token).not.toBe(account.tokens.access_token);
    expect((await gmailProfile(token)).status).toBe(200);
    // Stored, and no lease is left behind for the next refresh to wait out.
    const stored = await storedAccount(account.accountId);
    expect(stored).toMatchObject({ refreshLockId: null, refreshLockUntil: null, reauthReason: null });
    expect(await getAccessToken(stored)).toBe(token);
  });

  it("takes over from a process frozen mid-refresh (alive, connection open) once its hold runs out, with one further grant", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await setStoredExpiry(account.accountId, -10);
    const { token, refreshGrants } = await refreshAfterCrash(environment.emulatorUrl, account.accountId, "frozen");
    expect(refreshGrants).toBe(1);
    expect((await gmailProfile(token)).status).toBe(200);
    expect(await getAccessToken(await storedAccount(account.accountId))).toBe(token);
  }, 60_000); // a limit to give up at, not a time asserted: the frozen holder keeps the refresh for ~12 s

  it("recovers from a 401 on a token it believed valid with one refresh and one retry", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await control(environment.emulatorUrl, "POST", "expire", { email: "ada@example.com" });
    const responses = await Promise.all(
      Array.from({ length: 10 }, async () => withGoogleAccess(await storedAccount(account.accountId), gmailProfile, isUnauthorized)),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect((await stats(environment.emulatorUrl)).grants.refresh_token).toBe(1);
  });

  it("marks the account revoked on invalid_grant and keeps the stored refresh token", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const before = await getDb().account.findUniqueOrThrow({ where: { id: account.accountId } });
    await control(environment.emulatorUrl, "POST", "revoke", { email: "ada@example.com" });
    await setStoredExpiry(account.accountId, -10);
    const error = await getAccessToken(await storedAccount(account.accountId)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect((error as ReauthRequiredError).reason).toBe("revoked");
    const after = await getDb().account.findUniqueOrThrow({ where: { id: account.accountId } });
    expect(after.reauthReason).toBe("revoked");
    expect(after.refresh_token).toBe(before.refresh_token);
    expect(await getDb().user.count({ where: { id: account.userId } })).toBe(1);
  });

  it("treats a 401 right after a fresh token as revoked", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const alwaysUnauthorized = () => Promise.reject(Object.assign(new Error("401"), { status: 401 }));
    const error = await withGoogleAccess(await storedAccount(account.accountId), alwaysUnauthorized, isUnauthorized).catch(
      (caught: unknown) => caught,
    );
    expect((error as ReauthRequiredError).reason).toBe("revoked");
    expect((await getDb().account.findUniqueOrThrow({ where: { id: account.accountId } })).reauthReason).toBe("revoked");
  });

  it("leaves the tokens intact through a token endpoint outage, and a later call retries", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await setStoredExpiry(account.accountId, -10);
    const before = await getDb().account.findUniqueOrThrow({ where: { id: account.accountId } });
    await control(environment.emulatorUrl, "POST", "faults", { match: { method: "POST", path: "/token" }, status: 503 });
    const error = await getAccessToken(await storedAccount(account.accountId)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    const during = await getDb().account.findUniqueOrThrow({ where: { id: account.accountId } });
    expect(during).toMatchObject({
      access_token: before.access_token,
      refresh_token: before.refresh_token,
      reauthReason: null,
      refreshLockUntil: null,
    });

    await control(environment.emulatorUrl, "DELETE", "faults");
    const token = await getAccessToken(await storedAccount(account.accountId));
    expect((await gmailProfile(token)).status).toBe(200);
  });

  it("asks for re-authorization when the Gmail scope was not granted", async () => {
    const account = await createLinkedAccount(environment.emulatorUrl, "ada@example.com", {
      grantScopes: ["openid", "email", "profile"],
    });
    const error = await getAccessToken(await storedAccount(account.accountId)).catch((caught: unknown) => caught);
    expect((error as ReauthRequiredError).reason).toBe("insufficient_scope");
  });
});
