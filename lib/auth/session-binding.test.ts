import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { describe, expect, it } from "vitest";
import { createLinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { hashSessionToken, withHashedSessionTokens } from "./hashed-sessions";
import { LAST_SEEN_RESOLUTION_MS, withSessionBinding, withSignInContext } from "./session-binding";

const environment = useIntegrationEnvironment();

// The adapter stack options.ts builds.
const adapter = (): Adapter => withHashedSessionTokens(withSessionBinding(PrismaAdapter(getDb())));

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

/** What next-auth's OAuth callback does, in order: look the Google account up, then open a session. */
async function signInAs(providerAccountId: string, userId: string, sessionToken: string) {
  const sessions = adapter();
  const request = new Request("http://localhost/api/auth/callback/google", { headers: { "user-agent": CHROME } });
  return withSignInContext(request, async () => {
    await sessions.getUserByAccount!({ provider: "google", providerAccountId });
    return sessions.createSession!({ sessionToken, userId, expires: new Date(Date.now() + 86_400_000) });
  });
}

describe("session binding", () => {
  it("a session remembers the Google account it signed in with and the browser; the emulator's RISC stream points at us", async () => {
    const ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const created = await signInAs(ada.providerAccountId, ada.userId, "raw-token-1");
    expect(created.sessionToken).toBe("raw-token-1");

    const row = await getDb().session.findUniqueOrThrow({ where: { sessionToken: hashSessionToken("raw-token-1") } });
    expect(row).toMatchObject({ userId: ada.userId, accountId: ada.accountId, userAgent: CHROME });
    const stream = await control<{ url?: string; delivery?: { url?: string } }>(environment.emulatorUrl, "GET", "risc/stream");
    expect(JSON.stringify(stream)).toContain("/api/google/risc");
  });

  it("never binds a session to another user's Google account", async () => {
    const ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const grace = await createLinkedAccount(environment.emulatorUrl, "grace@example.com");
    await signInAs(grace.providerAccountId, ada.userId, "raw-token-2");
    const row = await getDb().session.findUniqueOrThrow({ where: { sessionToken: hashSessionToken("raw-token-2") } });
    expect(row.accountId).toBeNull();
  });

  it("refreshes last seen on a read only when it is older than the resolution", async () => {
    const ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await signInAs(ada.providerAccountId, ada.userId, "raw-token-3");
    const where = { sessionToken: hashSessionToken("raw-token-3") };
    const recent = new Date(Date.now() - LAST_SEEN_RESOLUTION_MS / 2);
    await getDb().session.update({ where, data: { lastSeenAt: recent } });
    expect(await adapter().getSessionAndUser!("raw-token-3")).not.toBeNull();
    expect((await getDb().session.findUniqueOrThrow({ where })).lastSeenAt).toEqual(recent);

    const stale = new Date(Date.now() - LAST_SEEN_RESOLUTION_MS * 2);
    await getDb().session.update({ where, data: { lastSeenAt: stale } });
    await adapter().getSessionAndUser!("raw-token-3");
    expect((await getDb().session.findUniqueOrThrow({ where })).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
