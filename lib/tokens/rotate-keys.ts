import "server-only";
// Re-encrypts every stored token under the newest key, so an old key can be dropped from the ring.
import { getConfig } from "../config";
import { getDb } from "../db";
import { openToken, sealToken } from "./token-store";
import { keyIdOf } from "./vault";

const FIELDS = ["access_token", "refresh_token", "id_token"] as const;

export async function reencryptAllTokens(): Promise<{ accounts: number; reencrypted: number }> {
  const newestKeyId = getConfig().tokenKeys[0]!.id;
  const db = getDb();
  const accounts = await db.account.findMany();
  let reencrypted = 0;
  for (const account of accounts) {
    const changes: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const field of FIELDS) {
      const stored = account[field];
      if (!stored || keyIdOf(stored) === newestKeyId) continue;
      changes[field] = sealToken(account.providerAccountId, field, openToken(account, field, stored));
    }
    const count = Object.keys(changes).length;
    if (count === 0) continue;
    // Only if the row still holds what we read: a concurrent refresh wins, and its value is already new-key.
    const updated = await db.account.updateMany({
      where: { id: account.id, ...Object.fromEntries(Object.keys(changes).map((field) => [field, account[field as keyof typeof changes]])) },
      data: changes,
    });
    reencrypted += updated.count === 1 ? count : 0;
  }
  return { accounts: accounts.length, reencrypted };
}
