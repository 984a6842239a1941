// The notice every other session of a user sees when a Google account is linked, against a real database.
import { describe, expect, it } from "vitest";
import { createLinkedAccount, signInTokensFrom } from "@/scripts/testing/accounts";
import { authorizeThroughEmulator } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { hashSessionToken } from "../auth/hashed-sessions";
import { getDb } from "../db";
import { saveSignInTokens } from "../tokens/token-store";
import { markLinkNoticeSeen, unseenLinkedAccounts } from "./linked-account-notice";

const environment = useIntegrationEnvironment();
const CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

async function openSession(userId: string, token: string): Promise<string> {
  await getDb().session.create({ data: { sessionToken: hashSessionToken(token), userId, expires: new Date(Date.now() + 86_400_000) } });
  return token;
}

describe("the notice of a newly linked account", () => {
  it("shows in the user's other sessions until each dismisses it; not in the session that linked it", async () => {
    await getDb().session.deleteMany();
    const ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const other = await openSession(ada.userId, "other-browser");
    const linking = await openSession(ada.userId, "linking-browser");
    // Nothing linked since these sessions began: the first account is not news.
    expect(await unseenLinkedAccounts(ada.userId, other)).toEqual([]);

    await saveSignInTokens({
      ...signInTokensFrom(ada.userId, await authorizeThroughEmulator(environment.emulatorUrl, "grace@example.com")),
      email: "grace@example.com",
      linkedFromUserAgent: CHROME_ON_LINUX,
    });
    await markLinkNoticeSeen(linking);

    expect(await unseenLinkedAccounts(ada.userId, other)).toEqual([
      { email: "grace@example.com", linkedAt: expect.any(Date) as unknown, device: { browser: "Chrome", system: "Linux" } },
    ]);
    expect(await unseenLinkedAccounts(ada.userId, linking)).toEqual([]);
    // Another user's session, or no session, never sees it.
    const stranger = await createLinkedAccount(environment.emulatorUrl, "empty@example.com");
    expect(await unseenLinkedAccounts(stranger.userId, other)).toEqual([]);
    expect(await unseenLinkedAccounts(ada.userId, null)).toEqual([]);

    await markLinkNoticeSeen(other);
    expect(await unseenLinkedAccounts(ada.userId, other)).toEqual([]);
  });
});
