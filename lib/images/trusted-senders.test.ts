// The trusted-sender store against a real database (SQLite, and PostgreSQL when MAILROOM_TEST_POSTGRES_URL is set).
import { describe, expect, it } from "vitest";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { forgetTrustedSender, listTrustedSenders, senderKey, trustSender, trustedAmong } from "./trusted-senders";

useIntegrationEnvironment();

async function account(email: string): Promise<string> {
  const user = await getDb().user.upsert({ where: { email }, create: { email }, update: {} });
  const row = await getDb().account.create({
    data: { userId: user.id, type: "oauth", provider: "google", providerAccountId: `sub-${email}-${Math.random()}`, email },
  });
  return row.id;
}

describe("trusted senders", () => {
  it("remembers a sender per account, whatever the case of the address, once", async () => {
    const ada = await account("ada@example.com");
    await trustSender(ada, "Bob@Example.com");
    await trustSender(ada, "bob@example.com ");
    expect(await listTrustedSenders(ada)).toEqual(["bob@example.com"]);
    expect(await trustedAmong(ada, ["BOB@example.com", "eve@example.com"])).toEqual(new Set(["bob@example.com"]));
  });

  it("trusting in one account trusts nothing in another", async () => {
    const ada = await account("ada2@example.com");
    const grace = await account("grace@example.com");
    await trustSender(ada, "bob@example.com");
    expect(await trustedAmong(grace, ["bob@example.com"])).toEqual(new Set());
    expect(await listTrustedSenders(grace)).toEqual([]);
  });

  it("forgets a sender, and forgets them all with the account", async () => {
    const ada = await account("ada3@example.com");
    await trustSender(ada, "bob@example.com");
    await trustSender(ada, "carol@example.com");
    await forgetTrustedSender(ada, "BOB@example.com");
    expect(await listTrustedSenders(ada)).toEqual(["carol@example.com"]);
    await getDb().account.delete({ where: { id: ada } });
    expect(await getDb().trustedSender.count({ where: { accountId: ada } })).toBe(0);
  });

  it("stores nothing that is not an address", async () => {
    const ada = await account("ada4@example.com");
    await trustSender(ada, "not an address");
    await trustSender(ada, "");
    expect(await listTrustedSenders(ada)).toEqual([]);
    expect(senderKey("Bob <bob@example.com>")).toBeNull();
  });
});
