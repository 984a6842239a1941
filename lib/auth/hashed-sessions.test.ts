import { randomBytes } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { describe, expect, it } from "vitest";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { hashSessionToken, withHashedSessionTokens } from "./hashed-sessions";

useIntegrationEnvironment();

function adapter(): Adapter {
  return withHashedSessionTokens(PrismaAdapter(getDb()));
}

/** The Session rows as the database holds them, bypassing Prisma's models. */
function storedTokens(): Promise<string[]> {
  return getDb()
    .$queryRawUnsafe<{ sessionToken: string }[]>('SELECT "sessionToken" FROM "Session"')
    .then((rows) => rows.map((row) => row.sessionToken));
}

describe("hashed session tokens", () => {
  it("stores only the hash, answers to the raw token and not to what the database holds", async () => {
    const user = await getDb().user.create({ data: { email: `ada-${randomBytes(4).toString("hex")}@example.com` } });
    const raw = randomBytes(32).toString("hex");
    const sessions = adapter();

    const created = await sessions.createSession!({ sessionToken: raw, userId: user.id, expires: new Date(Date.now() + 60_000) });
    expect(created.sessionToken, "next-auth puts this value into the cookie").toBe(raw);

    const stored = await storedTokens();
    expect(stored).toEqual([hashSessionToken(raw)]);
    expect(stored[0]).not.toContain(raw);

    expect((await sessions.getSessionAndUser!(raw))?.user.id).toBe(user.id);
    expect(await sessions.getSessionAndUser!(stored[0]!), "a database read must not yield a working session").toBeNull();

    const later = new Date(Date.now() + 120_000);
    expect(await sessions.updateSession!({ sessionToken: raw, expires: later })).toMatchObject({ sessionToken: raw, expires: later });
    expect(await storedTokens()).toEqual([hashSessionToken(raw)]);

    await sessions.deleteSession!(raw);
    expect(await storedTokens()).toEqual([]);
    expect(await sessions.getSessionAndUser!(raw)).toBeNull();
  });
});
