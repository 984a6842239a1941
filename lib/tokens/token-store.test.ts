import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createLinkedAccount, setStoredExpiry, storedAccount, signInTokensFrom } from "@/scripts/testing/accounts";
import { authorizeThroughEmulator, control, stats } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { getAccessToken } from "./access-token";
import { saveSignInTokens } from "./token-store";

const environment = useIntegrationEnvironment();
/** The rows as the database holds them, bypassing every layer of Mailroom's own code. */
function rawAccountRows(): Promise<Record<string, unknown>[]> {
  return getDb().$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "Account"');
}

describe("token store", () => {
  it("keeps the stored refresh token when a re-consent returns none, and it still refreshes", async () => {
    const first = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const storedBefore = await getDb().account.findUniqueOrThrow({ where: { id: first.accountId } });

    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "POST", path: "/token" },
      dropFields: ["refresh_token"],
      count: 1,
    });
    const second = await authorizeThroughEmulator(environment.emulatorUrl, "ada@example.com");
    expect(second.refresh_token).toBeUndefined();
    await saveSignInTokens(signInTokensFrom(first.userId, second));

    const storedAfter = await getDb().account.findUniqueOrThrow({ where: { id: first.accountId } });
    expect(storedAfter.refresh_token).toBe(storedBefore.refresh_token);
    expect(storedAfter.reauthReason).toBeNull();

    await setStoredExpiry(first.accountId, -10);
    const refreshed = await getAccessToken(await storedAccount(first.accountId));
    expect(refreshed).not.toBe(second.access_token);
    expect((await stats(environment.emulatorUrl)).grants.refresh_token).toBe(1);
  });

  it("marks an account without any refresh token as needing re-authorization", async () => {
    const online = await authorizeThroughEmulator(environment.emulatorUrl, "grace@example.com", { accessType: "online" });
    const user = await getDb().user.create({ data: { email: "grace@example.com" } });
    const account = await saveSignInTokens(signInTokensFrom(user.id, online));
    expect(account.reauthReason).toBe("missing_refresh_token");
  });

  it("clears a re-authorization mark on a successful re-consent, keeping the user", async () => {
    const linked = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await getDb().account.update({ where: { id: linked.accountId }, data: { reauthReason: "revoked", reauthAt: new Date() } });
    const again = await authorizeThroughEmulator(environment.emulatorUrl, "ada@example.com");
    const account = await saveSignInTokens(signInTokensFrom(linked.userId, again));
    expect(account).toMatchObject({ id: linked.accountId, userId: linked.userId, reauthReason: null, reauthAt: null });
  });

  it("stores no token in plaintext anywhere in the database file", async () => {
    const linked = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await setStoredExpiry(linked.accountId, -10);
    const refreshed = await getAccessToken(await storedAccount(linked.accountId));
    const secrets = [linked.tokens.access_token, linked.tokens.refresh_token!, linked.tokens.id_token!, refreshed];
    for (const row of await rawAccountRows()) {
      for (const value of Object.values(row)) {
        for (const secret of secrets) expect(String(value)).not.toContain(secret);
      }
    }
    // Also the raw bytes of the file and its write-ahead log, where deleted or old row versions linger.
    const file = environment.databaseFile;
    for (const path of file ? [file, `${file}-wal`] : []) {
      let bytes: string;
      try {
        bytes = readFileSync(path).toString("latin1");
      } catch {
        continue;
      }
      for (const secret of secrets) expect(bytes.includes(secret), `${secret.slice(0, 8)}… in ${path}`).toBe(false);
    }
  });
});
