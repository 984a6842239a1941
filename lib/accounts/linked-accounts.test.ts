import { describe, expect, it } from "vitest";
import { signInTokensFrom } from "@/scripts/testing/accounts";
import { authorizeThroughEmulator, control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { AppError, ReauthRequiredError } from "../errors";
import { getMessage } from "../mail/get-message";
import { listMessages } from "../mail/list-messages";
import { saveSignInTokens } from "../tokens/token-store";
import { chooseDefaultAccount, resolveAccount } from "./linked-accounts";

const environment = useIntegrationEnvironment();

type Logged = { method: string; path: string };

/** Links a Google account (through the emulator's real consent) to a Mailroom user, as a sign-in would. */
async function link(userEmail: string, googleEmail: string): Promise<string> {
  const user = await getDb().user.upsert({ where: { email: userEmail }, create: { email: userEmail }, update: {} });
  const tokens = await authorizeThroughEmulator(environment.emulatorUrl, googleEmail);
  await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email: googleEmail });
  return user.id;
}

async function gmailRequests(): Promise<Logged[]> {
  const { requests } = await control<{ requests: Logged[] }>(environment.emulatorUrl, "GET", "requests");
  return requests.filter((request) => request.path.includes("/gmail/") || request.path.startsWith("/batch"));
}

describe("account= resolution", () => {
  it("refuses another user's account with a 400 and reads nothing at Gmail", async () => {
    await link("ada@example.com", "ada@example.com");
    const mallory = await link("empty@example.com", "empty@example.com");
    await control(environment.emulatorUrl, "DELETE", "requests");

    // Pages and route handlers resolve `account=` first: a stranger's address goes no further.
    const list = resolveAccount({ userId: mallory, account: "ada@example.com" }).then((account) =>
      listMessages({ account, label: "INBOX", pageSize: 5 }),
    );
    await expect(list).rejects.toBeInstanceOf(AppError);
    const refusal = (await list.catch((error: unknown) => error)) as AppError;
    expect([refusal.code, refusal.status]).toEqual(["bad_request", 400]);
    expect(refusal.message).toContain("not one of your linked Google accounts");
    await expect(
      resolveAccount({ userId: mallory, account: "ADA@example.com" }).then((account) => getMessage({ account, id: "0123456789abcdef" })),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect(await gmailRequests()).toEqual([]);
  });

  it("reads the chosen account's mailbox without changing the default; only an explicit switch does", async () => {
    const me = await link("ada@example.com", "ada@example.com");
    await link("ada@example.com", "grace@example.com");
    // Nothing chosen yet: the first account linked is the default.
    expect((await resolveAccount({ userId: me })).email).toBe("ada@example.com");
    const ada = await listMessages({
      account: await resolveAccount({ userId: me, account: "ada@example.com" }),
      label: "INBOX",
      pageSize: 50,
    });
    // A read of account=grace (a GET, maybe a link from another site) writes nothing.
    const grace = await listMessages({
      account: await resolveAccount({ userId: me, account: "grace@example.com" }),
      label: "INBOX",
      pageSize: 50,
    });
    expect((await resolveAccount({ userId: me })).email).toBe("ada@example.com");
    expect(await getDb().account.count({ where: { userId: me, lastUsedAt: { not: null } } })).toBe(0);
    // Two different mailboxes: no message of one appears in the other.
    const adaIds = new Set(ada.messages.map((message) => message.id));
    expect(grace.messages.length).toBeGreaterThan(0);
    expect(grace.messages.filter((message) => adaIds.has(message.id))).toEqual([]);

    await chooseDefaultAccount({ userId: me, account: "GRACE@example.com" });
    expect((await resolveAccount({ userId: me })).email).toBe("grace@example.com");
    // Only one's own accounts can be chosen.
    const stranger = await link("empty@example.com", "empty@example.com");
    await expect(chooseDefaultAccount({ userId: stranger, account: "grace@example.com" })).rejects.toMatchObject({ status: 400 });
    expect((await resolveAccount({ userId: me })).email).toBe("grace@example.com");
  });

  it("a revoked account needs reconnecting on its own; the other account keeps working", async () => {
    const me = await link("ada@example.com", "ada@example.com");
    await link("ada@example.com", "grace@example.com");
    await control(environment.emulatorUrl, "POST", "revoke", { email: "ada@example.com" });
    await getDb().account.updateMany({ data: { expires_at: 0 } });

    await expect(
      listMessages({ account: await resolveAccount({ userId: me, account: "ada@example.com" }), label: "INBOX", pageSize: 5 }),
    ).rejects.toBeInstanceOf(ReauthRequiredError);
    const grace = await listMessages({
      account: await resolveAccount({ userId: me, account: "grace@example.com" }),
      label: "INBOX",
      pageSize: 5,
    });
    expect(grace.messages.length).toBeGreaterThan(0);
    const rows = await getDb().account.findMany({ where: { userId: me }, orderBy: { email: "asc" } });
    expect(rows.map((row) => [row.email, row.reauthReason])).toEqual([
      ["ada@example.com", "revoked"],
      ["grace@example.com", null],
    ]);
  });
});
