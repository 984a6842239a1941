import { describe, expect, it } from "vitest";
import { createLinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { ReauthRequiredError } from "../errors";
import { refreshAccessToken } from "../tokens/google-token-endpoint";
import { ensureMailboxWatch } from "../sync/mailbox-watch";
import { disconnectGoogle } from "./disconnect-google";

const environment = useIntegrationEnvironment();

type Logged = { method: string; path: string; status: number };

async function watchedMailboxes(): Promise<string[]> {
  const { watches } = await control<{ watches: { email: string }[] }>(environment.emulatorUrl, "GET", "pubsub");
  return watches.map((watch) => watch.email);
}

describe("disconnecting Google", () => {
  it("revokes the grant with the token in the POST body, never in the URL, and forgets the tokens", async () => {
    const linked = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    await control(environment.emulatorUrl, "DELETE", "requests");

    await disconnectGoogle({ userId: linked.userId });

    const { requests } = await control<{ requests: Logged[] }>(environment.emulatorUrl, "GET", "requests");
    const revokes = requests.filter((request) => request.path.startsWith("/revoke"));
    // The log keeps the path with its query string: a token there would sit in every access log on the way.
    expect(revokes).toEqual([expect.objectContaining({ method: "POST", path: "/revoke", status: 200 })]);
    for (const request of requests) expect(request.path).not.toContain(linked.tokens.refresh_token!);

    // The grant is dead at Google, not only forgotten here.
    expect(await control(environment.emulatorUrl, "GET", "grants?email=ada@example.com")).toEqual({ grants: [] });
    await expect(refreshAccessToken(linked.tokens.refresh_token!)).rejects.toBeInstanceOf(ReauthRequiredError);
    const account = await getDb().account.findUniqueOrThrow({ where: { id: linked.accountId } });
    expect(account).toMatchObject({ refresh_token: null, access_token: null, reauthReason: "disconnected" });
  });

  it("stops the mailbox's Gmail push (users.stop) while the grant still works, and forgets the watch", async () => {
    const linked = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
    const account = await getDb().account.update({ where: { id: linked.accountId }, data: { email: "ada@example.com" } });
    expect(await ensureMailboxWatch(account)).toBe("renewed");
    expect(await watchedMailboxes()).toEqual(["ada@example.com"]);
    await control(environment.emulatorUrl, "DELETE", "requests");

    await disconnectGoogle({ userId: linked.userId });

    expect(await watchedMailboxes()).toEqual([]);
    const { requests } = await control<{ requests: Logged[] }>(environment.emulatorUrl, "GET", "requests");
    const calls = requests.filter((request) => request.path.includes("/stop") || request.path.startsWith("/revoke"));
    // Stopped first: once the grant is revoked, no token could ask Gmail to stop.
    expect(calls.map((request) => [request.path.split("?")[0], request.status])).toEqual([
      ["/gmail/v1/users/me/stop", 204],
      ["/revoke", 200],
    ]);
    expect(await getDb().mailboxWatch.count()).toBe(0);
  });
});
