import { beforeEach, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "@/emulator/seed";
import { getDb } from "@/lib/db";
import type { LinkedAccount } from "@/scripts/testing/accounts";
import { control, gmailInboxIds, loggedGmailRequests, type LoggedGmailRequest } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { createUserWithAccounts, linkAdaAndGrace } from "@/scripts/testing/multi-account";
import { sequentialRoundTrips } from "@/scripts/testing/round-trips";
import { AppError } from "../errors";
import { type AllAccountsPage, listAllAccountsMessages } from "./list-all-accounts";

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

const inboxIds = (account: LinkedAccount) => gmailInboxIds(environment.emulatorUrl, account.tokens.access_token, "messages");

async function insertMessage(email: string, subject: string, internalDate: number): Promise<string> {
  const raw = `From: Someone <someone@example.org>\r\nTo: ${email}\r\nSubject: ${subject}\r\nDate: ${new Date(internalDate).toUTCString()}\r\n\r\nHello.\r\n`;
  const { id } = await control<{ id: string }>(environment.emulatorUrl, "POST", "messages", {
    email,
    raw,
    labelIds: ["INBOX"],
    internalDate,
  });
  return id;
}

/** Walks every page, checking each page's Gmail traffic on the way. */
async function walkAllPages(
  pageSize: number,
  check: (page: AllAccountsPage, requests: LoggedGmailRequest[]) => void,
): Promise<AllAccountsPage[]> {
  const pages: AllAccountsPage[] = [];
  let pageToken: string | undefined;
  do {
    await control(environment.emulatorUrl, "DELETE", "requests");
    const page = await listAllAccountsMessages({ userId, label: "INBOX", pageToken, pageSize });
    check(page, await gmailRequests());
    pages.push(page);
    pageToken = page.nextPageToken;
    expect(pages.length).toBeLessThan(200);
  } while (pageToken);
  return pages;
}

const idsOf = (page: AllAccountsPage, account?: string) =>
  page.messages.filter((message) => !account || message.account === account).map((message) => message.id);

describe("listAllAccountsMessages", () => {
  it("walks both inboxes page by page: every message once, newest first, one list and one batch per account in two round trips", async () => {
    // Two messages that arrived at the very same millisecond in both mailboxes: ties must not skip or repeat.
    const tie = SEED_FIXTURES.ada.newestInternalDate - 5 * 3_600_000;
    await insertMessage(ADA, "Same instant (Ada)", tie);
    await insertMessage(GRACE, "Same instant (Grace)", tie);
    const [adaInbox, graceInbox] = [await inboxIds(ada), await inboxIds(grace)];
    // Each Gmail answer takes a while, as Google's do, so requests sent together visibly overlap in the log.
    await control(environment.emulatorUrl, "POST", "latency", { ms: 30 });

    const pages = await walkAllPages(7, (page, requests) => {
      const lists = requests.filter((request) => request.method === "GET" && request.path.startsWith("/gmail/v1/users/me/messages?"));
      const batches = requests.filter((request) => request.path.startsWith("/batch/"));
      // One list and one batch per account still listing (Grace's inbox ends first), nothing else.
      expect(lists.length).toBeGreaterThanOrEqual(1);
      expect(lists.length).toBeLessThanOrEqual(2);
      expect(batches).toHaveLength(lists.length);
      expect(requests).toHaveLength(lists.length * 2);
      expect(sequentialRoundTrips(requests)).toBe(2);
      expect(page.accountErrors).toEqual([]);
    });

    await control(environment.emulatorUrl, "POST", "latency", { ms: 0 });
    const all = pages.flatMap((page) => page.messages);
    // Every message of both inboxes exactly once, each account's in Gmail's own order.
    expect(all).toHaveLength(adaInbox.length + graceInbox.length);
    expect(pages.flatMap((page) => idsOf(page, ADA))).toEqual(adaInbox);
    expect(pages.flatMap((page) => idsOf(page, GRACE))).toEqual(graceInbox);
    // Merged newest first across page boundaries, and the two accounts really interleave.
    const dates = all.map((message) => Date.parse(message.date!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(pages.filter((page) => new Set(page.messages.map((message) => message.account)).size === 2).length).toBeGreaterThan(2);
    // Full pages until the last one.
    expect(pages.slice(0, -1).every((page) => page.messages.length === 7)).toBe(true);
    expect(pages.at(-1)!.nextPageToken).toBeUndefined();
  });

  it("refuses a page token that was forged, altered, or made for another user or search, without asking Gmail", async () => {
    const first = await listAllAccountsMessages({ userId, label: "INBOX", pageSize: 5 });
    const token = first.nextPageToken!;
    const [body = "", mac = ""] = token.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ v: 1, a: [[ada.accountId, "", 400, 0]] })).toString("base64url");
    const other = await createUserWithAccounts(environment.emulatorUrl, [SEED_FIXTURES.accounts.empty.email]);
    await control(environment.emulatorUrl, "DELETE", "requests");

    const attempts: { who: string; label: string; q?: string; pageToken: string }[] = [
      { who: userId, label: "INBOX", pageToken: `${forgedBody}.${mac}` },
      { who: userId, label: "INBOX", pageToken: `${body.slice(0, -2)}${body.endsWith("A") ? "B" : "A"}${body.slice(-1)}.${mac}` },
      { who: userId, label: "INBOX", pageToken: `${body}.${"A".repeat(43)}` },
      { who: userId, label: "INBOX", pageToken: "12345678901234567890" },
      { who: userId, label: "STARRED", pageToken: token },
      { who: userId, label: "INBOX", q: "from:someone", pageToken: token },
      { who: other.userId, label: "INBOX", pageToken: token },
    ];
    for (const attempt of attempts) {
      const error = await listAllAccountsMessages({
        userId: attempt.who,
        label: attempt.label,
        q: attempt.q,
        pageToken: attempt.pageToken,
        pageSize: 5,
      }).catch((caught: unknown) => caught);
      expect(error, attempt.pageToken).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: "bad_request",
        status: 400,
        message: expect.stringMatching(/page of results is not valid/) as unknown,
      });
    }
    expect(await gmailRequests()).toEqual([]);
    // The genuine token still works for its own user and search.
    const second = await listAllAccountsMessages({ userId, label: "INBOX", pageToken: token, pageSize: 5 });
    expect(second.messages.filter((message) => idsOf(first).includes(message.id))).toEqual([]);
  });

  it("shows the other account and names the one whose access was revoked", async () => {
    await control(environment.emulatorUrl, "POST", "revoke", { email: GRACE });
    const page = await listAllAccountsMessages({ userId, label: "INBOX", pageSize: 10 });
    expect(page.messages).toHaveLength(10);
    expect(new Set(page.messages.map((message) => message.account))).toEqual(new Set([ADA]));
    expect(page.accountErrors).toEqual([
      { email: GRACE, code: "reauth_required", reason: "revoked", message: expect.stringMatching(/Reconnect Gmail/) as unknown },
    ]);
    expect((await getDb().account.findUniqueOrThrow({ where: { id: grace.accountId } })).reauthReason).toBe("revoked");
    expect((await getDb().account.findUniqueOrThrow({ where: { id: ada.accountId } })).reauthReason).toBeNull();

    // The next page carries on with Ada and still reports Grace.
    const next = await listAllAccountsMessages({ userId, label: "INBOX", pageToken: page.nextPageToken, pageSize: 10 });
    expect(next.messages.filter((message) => idsOf(page).includes(message.id))).toEqual([]);
    expect(next.accountErrors.map((failure) => failure.email)).toEqual([GRACE]);
  });

  it("fails the page with the re-authorization error when no account can be read", async () => {
    await control(environment.emulatorUrl, "POST", "revoke", { email: ADA });
    await control(environment.emulatorUrl, "POST", "revoke", { email: GRACE });
    const error = await listAllAccountsMessages({ userId, label: "INBOX", pageSize: 10 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "reauth_required", status: 401 });
  });

  it("drops an account unlinked between two pages and carries on with the others", async () => {
    const first = await listAllAccountsMessages({ userId, label: "INBOX", pageSize: 10 });
    expect(new Set(first.messages.map((message) => message.account))).toEqual(new Set([ADA, GRACE]));
    await getDb().account.delete({ where: { id: grace.accountId } });

    const second = await listAllAccountsMessages({ userId, label: "INBOX", pageToken: first.nextPageToken, pageSize: 10 });
    const adaInbox = await inboxIds(ada);
    const adaShown = idsOf(first, ADA).length;
    expect(idsOf(second)).toEqual(adaInbox.slice(adaShown, adaShown + 10));
    expect(second.accountErrors).toEqual([]);
  });

  it("refuses a user label, which belongs to one account only", async () => {
    const error = await listAllAccountsMessages({ userId, label: SEED_FIXTURES.ada.labels.work, pageSize: 10 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "bad_request", status: 400 });
    expect(await gmailRequests()).toEqual([]);
  });
});
