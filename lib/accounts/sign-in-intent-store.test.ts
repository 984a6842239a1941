// Single use, on the server: the sign-in callback consumes an intent's row with one conditional update, so a
// captured cookie replayed later, or two callbacks racing with the same cookie, link at most once. Runs on
// SQLite, and on PostgreSQL when MAILROOM_TEST_POSTGRES_URL is set.
import { describe, expect, it } from "vitest";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { SIGN_IN_INTENT_TTL_SECONDS } from "./sign-in-intent";
import { consumeSignInIntent, createSignInIntent } from "./sign-in-intent-store";

useIntegrationEnvironment();

async function user(email: string): Promise<string> {
  return (await getDb().user.upsert({ where: { email }, create: { email }, update: {} })).id;
}

describe("sign-in intents are consumed once, on the server", () => {
  it("the first use consumes it; the same intent again is refused", async () => {
    const me = await user("ada@example.com");
    const id = await createSignInIntent(me);
    expect(await consumeSignInIntent(id, me)).toBe(true);
    expect(await consumeSignInIntent(id, me)).toBe(false);
  });

  it("of many concurrent callbacks with the same intent, exactly one uses it", async () => {
    const me = await user("ada@example.com");
    const id = await createSignInIntent(me);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => consumeSignInIntent(id, me)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });

  it("another user's intent, an unknown one or an expired one is never consumed", async () => {
    const me = await user("ada@example.com");
    const other = await user("grace@example.com");
    const id = await createSignInIntent(me);
    expect(await consumeSignInIntent(id, other)).toBe(false);
    expect(await consumeSignInIntent("no-such-intent", me)).toBe(false);
    const later = Date.now() + SIGN_IN_INTENT_TTL_SECONDS * 1000 + 1;
    expect(await consumeSignInIntent(id, me, later)).toBe(false);
    // Still unused: the refusals above spent nothing.
    expect(await consumeSignInIntent(id, me)).toBe(true);
  });

  it("creating one forgets the user's expired intents, so the table does not grow", async () => {
    const me = await user("tidy@example.com");
    await createSignInIntent(me, Date.now() - 2 * SIGN_IN_INTENT_TTL_SECONDS * 1000);
    await createSignInIntent(me);
    expect(await getDb().signInIntent.count({ where: { userId: me } })).toBe(1);
  });
});
