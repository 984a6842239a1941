import { beforeEach, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "@/emulator/seed";
import type { LinkedAccount } from "@/scripts/testing/accounts";
import { control, gmailInboxIds, loggedGmailRequests } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { linkAdaAndGrace } from "@/scripts/testing/multi-account";
import { sequentialRoundTrips } from "@/scripts/testing/round-trips";
import { listAllAccountsMessages } from "./list-all-accounts";
import { type AllAccountsThreadPage, listAllAccountsThreads } from "./list-all-accounts-threads";

const ADA = SEED_FIXTURES.accounts.ada.email;
const GRACE = SEED_FIXTURES.accounts.grace.email;

const environment = useIntegrationEnvironment();
let userId: string;
let ada: LinkedAccount;
let grace: LinkedAccount;

beforeEach(async () => {
  ({ userId, ada, grace } = await linkAdaAndGrace(environment.emulatorUrl));
});

const gmailRequests = () => loggedGmailRequests(environment.emulatorUrl);

const inboxThreadIds = (account: LinkedAccount) => gmailInboxIds(environment.emulatorUrl, account.tokens.access_token, "threads");

const idsOf = (page: AllAccountsThreadPage, account: string) =>
  page.threads.filter((thread) => thread.account === account).map((thread) => thread.id);

describe("listAllAccountsThreads", () => {
  it("walks both inboxes' conversations: each once, newest first, one threads.list and one batch per account in two round trips", async () => {
    const [adaInbox, graceInbox] = [await inboxThreadIds(ada), await inboxThreadIds(grace)];
    await control(environment.emulatorUrl, "POST", "latency", { ms: 30 });
    const pages: AllAccountsThreadPage[] = [];
    let pageToken: string | undefined;
    do {
      await control(environment.emulatorUrl, "DELETE", "requests");
      const page = await listAllAccountsThreads({ userId, label: "INBOX", pageToken, pageSize: 9 });
      const requests = await gmailRequests();
      const lists = requests.filter((request) => request.method === "GET" && request.path.startsWith("/gmail/v1/users/me/threads?"));
      expect(lists.length).toBeGreaterThanOrEqual(1);
      expect(requests).toHaveLength(lists.length * 2);
      expect(sequentialRoundTrips(requests)).toBe(2);
      for (const batch of requests.filter((request) => request.path.startsWith("/batch/")))
        for (const part of batch.parts!) expect(part.path).toMatch(/\/threads\/[0-9a-f]{16}\?format=metadata/);
      expect(page.accountErrors).toEqual([]);
      pages.push(page);
      pageToken = page.nextPageToken;
      expect(pages.length).toBeLessThan(100);
    } while (pageToken);
    await control(environment.emulatorUrl, "POST", "latency", { ms: 0 });

    expect(pages.flatMap((page) => idsOf(page, ADA))).toEqual(adaInbox);
    expect(pages.flatMap((page) => idsOf(page, GRACE))).toEqual(graceInbox);
    const dates = pages.flatMap((page) => page.threads.map((thread) => Date.parse(thread.date!)));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(pages.slice(0, -1).every((page) => page.threads.length === 9)).toBe(true);
    const long = pages.flatMap((page) => page.threads).find((thread) => thread.id === SEED_FIXTURES.ada.thread.id);
    expect(long).toMatchObject({ account: ADA, messageCount: SEED_FIXTURES.ada.thread.length });
  });

  it("refuses the messages view's page token, and the messages view refuses its token", async () => {
    const threads = await listAllAccountsThreads({ userId, label: "INBOX", pageSize: 5 });
    const messages = await listAllAccountsMessages({ userId, label: "INBOX", pageSize: 5 });
    const wrongWay = await listAllAccountsThreads({ userId, label: "INBOX", pageToken: messages.nextPageToken, pageSize: 5 }).catch(
      (caught: unknown) => caught,
    );
    expect(wrongWay).toMatchObject({ code: "bad_request", status: 400 });
    const otherWay = await listAllAccountsMessages({ userId, label: "INBOX", pageToken: threads.nextPageToken, pageSize: 5 }).catch(
      (caught: unknown) => caught,
    );
    expect(otherWay).toMatchObject({ code: "bad_request", status: 400 });
  });

  it("shows the other account's conversations and names the one whose access was revoked", async () => {
    await control(environment.emulatorUrl, "POST", "revoke", { email: GRACE });
    const page = await listAllAccountsThreads({ userId, label: "INBOX", pageSize: 10 });
    expect(page.threads).toHaveLength(10);
    expect(new Set(page.threads.map((thread) => thread.account))).toEqual(new Set([ADA]));
    expect(page.accountErrors).toMatchObject([{ email: GRACE, code: "reauth_required", reason: "revoked" }]);
  });
});
