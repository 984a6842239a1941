import "server-only";
// Senders whose remote images an account always shows ("Always show images from bob@example.com"). Kept per
// linked Google account, by lower-case address: trusting a sender in one mailbox says nothing about another.
import { getDb } from "../db";

/** One address as stored and compared: trimmed, lower case; null when it is not an address at all. */
export function senderKey(address: string): string | null {
  const key = address.trim().toLowerCase();
  return /^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}$/.test(key) ? key : null;
}

export async function trustSender(accountId: string, address: string): Promise<void> {
  const key = senderKey(address);
  if (key === null) return;
  await getDb().trustedSender.upsert({
    where: { accountId_address: { accountId, address: key } },
    create: { accountId, address: key },
    update: {},
  });
}

export async function forgetTrustedSender(accountId: string, address: string): Promise<void> {
  const key = senderKey(address);
  if (key === null) return;
  await getDb().trustedSender.deleteMany({ where: { accountId, address: key } });
}

/** The trusted addresses among `addresses` (lower case). */
export async function trustedAmong(accountId: string, addresses: readonly string[]): Promise<Set<string>> {
  const keys = [...new Set(addresses.flatMap((address) => senderKey(address) ?? []))];
  if (keys.length === 0) return new Set();
  const rows = await getDb().trustedSender.findMany({ where: { accountId, address: { in: keys } }, select: { address: true } });
  return new Set(rows.map((row) => row.address));
}

/** Every sender the account trusts, alphabetically, for Settings. */
export async function listTrustedSenders(accountId: string): Promise<string[]> {
  const rows = await getDb().trustedSender.findMany({ where: { accountId }, select: { address: true }, orderBy: { address: "asc" } });
  return rows.map((row) => row.address);
}
