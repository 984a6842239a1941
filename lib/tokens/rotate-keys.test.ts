import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLinkedAccount, setStoredExpiry, storedAccount } from "@/scripts/testing/accounts";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getConfig } from "../config";
import { getDb } from "../db";
import { getAccessToken } from "./access-token";
import { reencryptAllTokens } from "./rotate-keys";
import { keyIdOf } from "./vault";

const environment = useIntegrationEnvironment();
const run = promisify(execFile);
const FIELDS = ["access_token", "refresh_token", "id_token"] as const;

/** The rows as the database holds them, bypassing every layer of Mailroom's own code. */
function rawAccountRows(): Promise<Record<string, unknown>[]> {
  return getDb().$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "Account"');
}

// Each test starts from the environment's one-key ring, whatever the previous test rotated to.
let ring: { id: string; key: Buffer }[] = [];
beforeEach(() => {
  ring = [...getConfig().tokenKeys];
});
afterEach(() => {
  getConfig().tokenKeys.splice(0, Infinity, ...ring);
});

/** Puts a new key first in this process's ring, as a restart with `new,old` in TOKEN_ENCRYPTION_KEYS would. */
function addNewestKey(id: string): { id: string; key: Buffer } {
  const key = { id, key: randomBytes(32) };
  getConfig().tokenKeys.unshift(key);
  return key;
}

function dropKey(id: string): void {
  getConfig().tokenKeys.splice(
    getConfig().tokenKeys.findIndex((key) => key.id === id),
    1,
  );
}

describe("rotating the token encryption keys", () => {
  it("re-encrypts every stored token under the newest key, after which the old key can go", async () => {
    const linked = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await createLinkedAccount(environment.emulatorUrl, "grace@example.com");
    const oldKeyId = getConfig().tokenKeys[0]!.id;
    addNewestKey("rotated");

    expect(await reencryptAllTokens()).toEqual({ accounts: 2, reencrypted: 6, leftBehind: [] });
    for (const row of await rawAccountRows()) {
      for (const field of FIELDS) expect(keyIdOf(String(row[field]))).toBe("rotated");
    }
    expect((await reencryptAllTokens()).reencrypted).toBe(0);

    // With only the new key left, the stored tokens still work.
    dropKey(oldKeyId);
    expect(await getAccessToken(await storedAccount(linked.accountId))).toBe(linked.tokens.access_token);
  });

  it("retries a row that a concurrent refresh rewrote, and leaves nothing under the old key", async () => {
    const linked = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const oldKeyId = getConfig().tokenKeys[0]!.id;
    addNewestKey("rotated");
    await setStoredExpiry(linked.accountId, -10);

    let refreshes = 0;
    const report = await reencryptAllTokens({
      // A request refreshes the access token between the rotation's read and its write.
      afterRead: async (account) => {
        if (refreshes++ === 0) await getAccessToken(account);
      },
    });

    expect(refreshes).toBe(2); // read, lost the race, read again
    expect(report.leftBehind).toEqual([]);
    const row = await getDb().account.findUniqueOrThrow({ where: { id: linked.accountId } });
    for (const field of FIELDS) expect(keyIdOf(row[field]!), field).toBe("rotated");
    dropKey(oldKeyId);
    const refreshed = await getAccessToken(await storedAccount(linked.accountId));
    expect(refreshed).not.toBe(linked.tokens.access_token); // the refresh's token survived the rotation
  });

  // Runs the real command (a child process per run): slower than the others.
  it(
    "the command names every token it could not re-encrypt, never a value, and exits 1 until none is left",
    { timeout: 120_000 },
    async () => {
      await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
      const grace = await createLinkedAccount(environment.emulatorUrl, "grace@example.com");
      // A damaged ciphertext (or one under a key nobody has any more) cannot be re-encrypted.
      const stored = (await getDb().account.findUniqueOrThrow({ where: { id: grace.accountId } })).refresh_token!;
      const damaged = `${stored.slice(0, -6)}${stored.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
      await getDb().account.update({ where: { id: grace.accountId }, data: { refresh_token: damaged } });

      const newKey = `rotated:${randomBytes(32).toString("base64")}`;
      const env = { ...environment.env, TOKEN_ENCRYPTION_KEYS: `${newKey},${environment.env.TOKEN_ENCRYPTION_KEYS}` };
      const first = await run("npm", ["run", "--silent", "rotate-token-keys"], { env }).then(
        () => ({ code: 0, output: "" }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
      );
      expect(first.code).toBe(1);
      expect(first.output).toContain(`account ${grace.accountId} refresh_token`);
      expect(first.output).not.toMatch(/access_token|id_token/); // the others were re-encrypted
      for (const secret of [damaged, grace.tokens.refresh_token!, grace.tokens.access_token]) expect(first.output).not.toContain(secret);

      // A mistyped flag is refused rather than ignored.
      await expect(run("npm", ["run", "--silent", "rotate-token-keys", "--", "--forget-undecryptible"], { env })).rejects.toMatchObject({
        code: 1,
      });

      // The operator gives up on the broken token: it is forgotten, its user is asked to reconnect, the old key may go.
      const second = await run("npm", ["run", "--silent", "rotate-token-keys", "--", "--forget-undecryptable"], { env });
      expect(second.stdout).toMatch(/Forgot 1 token\(s\)[\s\S]*No token is left under another key/);
      const account = await getDb().account.findUniqueOrThrow({ where: { id: grace.accountId } });
      expect(account).toMatchObject({ refresh_token: null, reauthReason: "missing_refresh_token" });
    },
  );
});
