// A Mailroom user with several Google accounts linked, each through the real consent flow at the emulator
// and stored the way a sign-in stores it (with the account's address).
import { getDb } from "@/lib/db";
import { saveSignInTokens } from "@/lib/tokens/token-store";
import { signInTokensFrom, type LinkedAccount } from "./accounts";
import { authorizeThroughEmulator, control } from "./emulator-client";

export async function createUserWithAccounts(
  emulatorUrl: string,
  emails: readonly string[],
): Promise<{ userId: string; accounts: LinkedAccount[] }> {
  const [first] = emails;
  if (!first) throw new Error("createUserWithAccounts needs at least one address");
  const user = await getDb().user.upsert({ where: { email: first }, create: { email: first, name: first }, update: {} });
  const accounts: LinkedAccount[] = [];
  for (const email of emails) {
    const tokens = await authorizeThroughEmulator(emulatorUrl, email);
    const account = await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
    accounts.push({ userId: user.id, accountId: account.id, providerAccountId: account.providerAccountId, tokens });
  }
  return { userId: user.id, accounts };
}

/** ada and grace linked to one Mailroom user, with the emulator's request log cleared: the All accounts tests' start. */
export async function linkAdaAndGrace(emulatorUrl: string): Promise<{ userId: string; ada: LinkedAccount; grace: LinkedAccount }> {
  const created = await createUserWithAccounts(emulatorUrl, ["ada@example.com", "grace@example.com"]);
  const [ada, grace] = created.accounts as [LinkedAccount, LinkedAccount];
  await control(emulatorUrl, "DELETE", "requests");
  return { userId: created.userId, ada, grace };
}
