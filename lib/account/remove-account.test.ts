// "Remove account" through real parts: the emulator over HTTP (its grants and Gmail watches) and a real
// database (SQLite, or PostgreSQL with MAILROOM_TEST_POSTGRES_URL).
import { describe, expect, it } from "vitest";
import { createLinkedAccount, signInTokensFrom } from "@/scripts/testing/accounts";
import { authorizeThroughEmulator, control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { hashSessionToken } from "../auth/hashed-sessions";
import { getDb } from "../db";
import { ensureMailboxWatch } from "../sync/mailbox-watch";
import { saveSignInTokens } from "../tokens/token-store";
import { removeAccount } from "./remove-account";

const environment = useIntegrationEnvironment();

let sessions = 0;
async function openSession(userId: string, accountId: string): Promise<void> {
  await getDb().session.create({
    data: { sessionToken: hashSessionToken(`remove-${++sessions}`), userId, accountId, expires: new Date(Date.now() + 86_400_000) },
  });
}

async function watchedMailboxes(): Promise<string[]> {
  const { watches } = await control<{ watches: { email: string }[] }>(environment.emulatorUrl, "GET", "pubsub");
  return watches.map((watch) => watch.email).sort();
}

const liveGrants = async (email: string) =>
  (await control<{ grants: unknown[] }>(environment.emulatorUrl, "GET", `grants?email=${encodeURIComponent(email)}`)).grants;

/** Ada's user with her own account and Grace's, both watched, and a session signed in with each. */
async function adaWithGrace() {
  await getDb().session.deleteMany();
  const ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  const grace = await saveSignInTokens({
    ...signInTokensFrom(ada.userId, await authorizeThroughEmulator(environment.emulatorUrl, "grace@example.com")),
    email: "grace@example.com",
  });
  const adaAccount = await getDb().account.update({ where: { id: ada.accountId }, data: { email: "ada@example.com" } });
  expect(await ensureMailboxWatch(adaAccount)).toBe("renewed");
  expect(await ensureMailboxWatch(grace)).toBe("renewed");
  await openSession(ada.userId, ada.accountId);
  await openSession(ada.userId, grace.id);
  return { userId: ada.userId, adaAccountId: ada.accountId, graceAccountId: grace.id };
}

describe("Remove account", () => {
  it("unlinks it: its sessions end, its watch stops, its grant is revoked and its tokens forgotten; the rest stays", async () => {
    const { userId, adaAccountId, graceAccountId } = await adaWithGrace();
    expect(await watchedMailboxes()).toEqual(["ada@example.com", "grace@example.com"]);

    expect(await removeAccount({ userId, account: "grace@example.com" })).toBe("removed");

    const db = getDb();
    expect(await db.account.findUnique({ where: { id: graceAccountId } })).toBeNull();
    expect((await db.session.findMany({ where: { userId } })).map((session) => session.accountId)).toEqual([adaAccountId]);
    expect(await watchedMailboxes()).toEqual(["ada@example.com"]);
    expect(await db.mailboxWatch.findMany({ select: { accountId: true } })).toEqual([{ accountId: adaAccountId }]);
    expect(await liveGrants("grace@example.com")).toEqual([]);
    expect(await liveGrants("ada@example.com")).toHaveLength(1);
    expect(await db.account.findUniqueOrThrow({ where: { id: adaAccountId } })).toMatchObject({ userId, reauthReason: null });
  });

  it("removing the user's last account deletes the Mailroom user, signing them out everywhere", async () => {
    const { userId } = await adaWithGrace();
    expect(await removeAccount({ userId, account: "grace@example.com" })).toBe("removed");
    expect(await removeAccount({ userId, account: "ada@example.com" })).toBe("user-deleted");
    const db = getDb();
    expect(await db.user.findUnique({ where: { id: userId } })).toBeNull();
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await watchedMailboxes()).toEqual([]);
    expect(await liveGrants("ada@example.com")).toEqual([]);
  });

  it("refuses another user's account and changes nothing", async () => {
    const { graceAccountId } = await adaWithGrace();
    const stranger = await createLinkedAccount(environment.emulatorUrl, "empty@example.com");
    await expect(removeAccount({ userId: stranger.userId, account: "grace@example.com" })).rejects.toMatchObject({ status: 400 });
    expect(await getDb().account.findUnique({ where: { id: graceAccountId } })).not.toBeNull();
    expect(await liveGrants("grace@example.com")).toHaveLength(1);
    expect(await watchedMailboxes()).toEqual(["ada@example.com", "grace@example.com"]);
  });
});
