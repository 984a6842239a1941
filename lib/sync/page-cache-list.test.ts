// Revisits of a conversation page against the emulator over HTTP and a real database: what each visit costs
// at Gmail (the emulator's request log) and that the page shown is right after every kind of change.
import { beforeEach, describe, expect, it } from "vitest";
import { GMAIL_MODIFY, obtainTokens } from "@/emulator/testing/control-client";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { createUserWithAccounts } from "@/scripts/testing/multi-account";
import { sequentialRoundTrips } from "@/scripts/testing/round-trips";
import { ReauthRequiredError } from "../errors";
import { listThreads } from "../mail/list-threads";
import type { ThreadPage } from "../mail/thread-summary";
import { metrics } from "../metrics/registry";
import { markReauthRequired } from "../tokens/token-store";
import { PageCache } from "./page-cache";
import { listThreadsCached } from "./page-cache-list";
import { resolveAccount } from "../accounts/linked-accounts";

type LoggedRequest = { t: number; ms: number; method: string; path: string; status: number; parts?: { path: string; status: number }[] };

const environment = useIntegrationEnvironment();
let ada: LinkedAccount;
let cache: PageCache;
/** Ada's token for acting on her mailbox as another Gmail client would (Mailroom itself only reads). */
let modifyToken: string;

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  modifyToken = (await obtainTokens(environment.emulatorUrl, { email: "ada@example.com", scope: `openid email ${GMAIL_MODIFY}` }))
    .access_token;
  await control(environment.emulatorUrl, "POST", "consent", { autoApprove: false });
  cache = new PageCache();
  await control(environment.emulatorUrl, "DELETE", "requests");
});

/** Ada's inbox, with her account read afresh, as each request reads it. */
const inbox = async (overrides: Partial<Omit<Parameters<typeof listThreads>[0], "account">> = {}) => ({
  account: await resolveAccount({ userId: ada.userId }),
  label: "INBOX",
  pageSize: 25,
  ...overrides,
});

/** The Gmail requests since the last call, as `METHOD /path` with the query left out, and their round trips. */
async function gmailTraffic(): Promise<{ calls: string[]; roundTrips: number; requests: LoggedRequest[] }> {
  const log = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
  await control(environment.emulatorUrl, "DELETE", "requests");
  const requests = log.requests.filter((request) => /^\/(gmail|batch)\//.test(request.path));
  return {
    calls: requests.map((request) => `${request.method} ${request.path.split("?")[0]}`),
    roundTrips: sequentialRoundTrips(requests),
    requests,
  };
}

async function gmailAs<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Changes every message of a conversation the way another Gmail client would (messages.modify). */
async function modifyThread(threadId: string, change: { addLabelIds?: string[]; removeLabelIds?: string[] }): Promise<void> {
  const thread = await gmailAs<{ messages: { id: string }[] }>(modifyToken, "GET", `threads/${threadId}?format=minimal`);
  for (const message of thread.messages) await gmailAs(modifyToken, "POST", `messages/${message.id}/modify`, change);
  await control(environment.emulatorUrl, "DELETE", "requests");
}

async function deliver(raw: string, labelIds = ["INBOX", "UNREAD"]): Promise<{ id: string; threadId: string }> {
  return control(environment.emulatorUrl, "POST", "messages", { email: "ada@example.com", raw, labelIds });
}

const ids = (page: ThreadPage) => page.threads.map((thread) => thread.id);

/** /api/metrics' page cache counter, by result. */
async function cacheMetric(result: "hit" | "miss" | "expired"): Promise<number> {
  const { values } = await metrics().pageCache.get();
  return values.find((value) => value.labels.result === result)?.value ?? 0;
}

/** The page as a cold listThreads shows it now, without disturbing the request log the test reads. */
async function coldPage(options: Parameters<typeof listThreads>[0]): Promise<ThreadPage> {
  const page = await listThreads(options);
  await control(environment.emulatorUrl, "DELETE", "requests");
  return page;
}

describe("listThreadsCached", () => {
  it("costs a list and a batch the first time, then one history.list for a page that did not change", async () => {
    const [hits, misses] = [await cacheMetric("hit"), await cacheMetric("miss")];
    const first = await listThreadsCached(await inbox(), cache);
    const cold = await gmailTraffic();
    expect(cold.calls).toEqual(["GET /gmail/v1/users/me/threads", "POST /batch/gmail/v1"]);
    expect(cold.roundTrips).toBe(2);
    expect(first).toEqual(await coldPage(await inbox()));

    for (let visit = 0; visit < 3; visit += 1) {
      const again = await listThreadsCached(await inbox(), cache);
      const revisit = await gmailTraffic();
      expect(revisit.calls).toEqual(["GET /gmail/v1/users/me/history"]);
      expect(revisit.roundTrips).toBe(1);
      expect(again).toEqual(first);
    }
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 3, patched: 0 });
    expect([(await cacheMetric("hit")) - hits, (await cacheMetric("miss")) - misses]).toEqual([3, 1]);
  });

  it("shows a conversation archived elsewhere gone, for history and one batch of exactly that conversation", async () => {
    const before = await listThreadsCached(await inbox(), cache);
    const archived = before.threads[3]!;
    await modifyThread(archived.id, { removeLabelIds: ["INBOX"] });
    await gmailTraffic();

    const after = await listThreadsCached(await inbox(), cache);
    const revisit = await gmailTraffic();
    expect(revisit.calls).toEqual(["GET /gmail/v1/users/me/history", "POST /batch/gmail/v1"]);
    expect(revisit.roundTrips).toBe(2);
    expect(revisit.requests[1]!.parts!.map((part) => part.path.split("?")[0])).toEqual([`/gmail/v1/users/me/threads/${archived.id}`]);
    expect(ids(after)).toEqual(ids(before).filter((id) => id !== archived.id));
    // What is shown is what Gmail lists now, in its order (the row that moves up from the next page waits there).
    expect(ids(after)).toEqual(ids(await coldPage(await inbox())).slice(0, after.threads.length));
  });

  it("updates a conversation read and starred elsewhere in place", async () => {
    const before = await listThreadsCached(await inbox(), cache);
    const target = before.threads.find((thread) => thread.unread && !thread.starred)!;
    expect(target).toBeDefined();
    await modifyThread(target.id, { removeLabelIds: ["UNREAD"], addLabelIds: ["STARRED"] });

    const after = await listThreadsCached(await inbox(), cache);
    expect((await gmailTraffic()).roundTrips).toBe(2);
    expect(ids(after)).toEqual(ids(before));
    expect(after.threads.find((thread) => thread.id === target.id)).toMatchObject({ unread: false, starred: true });
    expect(after).toEqual(await coldPage(await inbox()));
  });

  it("puts new mail at the top, for history and one batch of the new conversation", async () => {
    const before = await listThreadsCached(await inbox(), cache);
    await gmailTraffic();
    const delivered = await deliver("From: Grace <grace@example.com>\r\nSubject: Fresh news\r\n\r\nHello Ada");

    const after = await listThreadsCached(await inbox(), cache);
    const revisit = await gmailTraffic();
    expect(revisit.calls).toEqual(["GET /gmail/v1/users/me/history", "POST /batch/gmail/v1"]);
    expect(revisit.requests[1]!.parts).toHaveLength(1);
    expect(ids(after)).toEqual([delivered.threadId, ...ids(before)]);
    expect(after.threads[0]).toMatchObject({ subject: "Fresh news", unread: true });
    expect(ids(after).slice(0, 25)).toEqual(ids(await coldPage(await inbox())));
    // The next page still starts where it did: nothing skipped, nothing shown twice.
    const second = await coldPage(await inbox({ pageToken: after.nextPageToken }));
    expect(ids(second).filter((id) => ids(after).includes(id))).toEqual([]);
  });

  it("moves a conversation with a new reply to the top", async () => {
    const before = await listThreadsCached(await inbox(), cache);
    const target = before.threads[5]!;
    const latest = await gmailAs<{ payload: { headers: { name: string; value: string }[] } }>(
      modifyToken,
      "GET",
      `messages/${target.latestMessageId}?format=metadata&metadataHeaders=Message-ID`,
    );
    const messageId = latest.payload.headers.find((header) => header.name.toLowerCase() === "message-id")?.value;
    expect(messageId).toBeDefined();
    const reply = await deliver(
      `From: Grace <grace@example.com>\r\nSubject: Re: ${target.subject}\r\nIn-Reply-To: ${messageId}\r\n\r\nAgreed`,
    );
    expect(reply.threadId).toBe(target.id);
    await gmailTraffic();

    const after = await listThreadsCached(await inbox(), cache);
    expect((await gmailTraffic()).roundTrips).toBe(2);
    expect(ids(after)).toEqual([target.id, ...ids(before).filter((id) => id !== target.id)]);
    expect(after.threads[0]!.messageCount).toBe(target.messageCount + 1);
    expect(after).toEqual(await coldPage(await inbox()));
  });

  it("falls back to the cold page when Gmail no longer has the history (404), and revisits cheaply again after", async () => {
    await listThreadsCached(await inbox(), cache);
    await listThreadsCached(await inbox(), cache);
    await modifyThread((await coldPage(await inbox())).threads[0]!.id, { removeLabelIds: ["INBOX"] });
    await gmailTraffic();
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "GET", path: "/gmail/v1/users/me/history" },
      status: 404,
      count: 1,
    });

    const after = await listThreadsCached(await inbox(), cache);
    const traffic = await gmailTraffic();
    // Gmail refused the page's history id: the mailbox's current one is asked for first, so that the page
    // fetched again does not start from an id as old as its conversations' and meet the same 404 next time.
    expect(traffic.calls).toEqual([
      "GET /gmail/v1/users/me/history",
      "GET /gmail/v1/users/me/profile",
      "GET /gmail/v1/users/me/threads",
      "POST /batch/gmail/v1",
    ]);
    expect(traffic.requests[0]!.status).toBe(404);
    expect(after).toEqual(await coldPage(await inbox()));
    expect(cache.stats().misses.history_expired).toBe(1);
    expect(await cacheMetric("expired")).toBeGreaterThan(0);

    await listThreadsCached(await inbox(), cache);
    expect((await gmailTraffic()).calls).toEqual(["GET /gmail/v1/users/me/history"]);
  });

  it("loses nothing when Gmail's history ran out since the visit (history/expire)", async () => {
    const before = await listThreadsCached(await inbox(), cache);
    await control(environment.emulatorUrl, "POST", "history/expire", { email: "ada@example.com" });
    const delivered = await deliver("From: Grace <grace@example.com>\r\nSubject: While you were away\r\n\r\nHi");
    await gmailTraffic();

    const after = await listThreadsCached(await inbox(), cache);
    const traffic = await gmailTraffic();
    expect(traffic.calls[0]).toBe("GET /gmail/v1/users/me/history");
    expect(traffic.requests[0]!.status).toBe(404);
    expect(traffic.calls.slice(-2)).toEqual(["GET /gmail/v1/users/me/threads", "POST /batch/gmail/v1"]);
    expect(ids(after)).toEqual([delivered.threadId, ...ids(before).slice(0, 24)]);
    expect(after).toEqual(await coldPage(await inbox()));

    await listThreadsCached(await inbox(), cache);
    expect((await gmailTraffic()).calls).toEqual(["GET /gmail/v1/users/me/history"]);
  });

  it("fetches a later page cold when a change before it may have shifted it", async () => {
    const first = await listThreadsCached(await inbox(), cache);
    // The first page's revisit tells the cache where the mailbox's history stands, so the second page starts
    // there rather than at its own (older) conversations' ids.
    await listThreadsCached(await inbox(), cache);
    const second = await listThreadsCached(await inbox({ pageToken: first.nextPageToken }), cache);
    await gmailTraffic();
    await modifyThread(first.threads[0]!.id, { removeLabelIds: ["INBOX"] });

    const again = await listThreadsCached(await inbox({ pageToken: first.nextPageToken }), cache);
    expect((await gmailTraffic()).calls).toEqual([
      "GET /gmail/v1/users/me/history",
      "GET /gmail/v1/users/me/threads",
      "POST /batch/gmail/v1",
    ]);
    expect(again).toEqual(await coldPage(await inbox({ pageToken: first.nextPageToken })));
    expect(ids(again)).toEqual(ids(second));
    expect(cache.stats().misses.later_page).toBe(1);
  });

  it("fetches a search cold after any change, and serves it from history when nothing changed", async () => {
    const search = await inbox({ label: "ALL", q: "is:unread" });
    const before = await listThreadsCached(search, cache);
    await listThreadsCached(search, cache);
    await gmailTraffic();
    const target = before.threads[0]!;
    await modifyThread(target.id, { removeLabelIds: ["UNREAD"] });

    const after = await listThreadsCached(search, cache);
    expect((await gmailTraffic()).calls).toEqual([
      "GET /gmail/v1/users/me/history",
      "GET /gmail/v1/users/me/threads",
      "POST /batch/gmail/v1",
    ]);
    expect(ids(after)).not.toContain(target.id);
    expect(after).toEqual(await coldPage(search));
  });

  it("answers concurrent requests for the same page with one Gmail fetch", async () => {
    // Gmail slow enough that all five requests arrive (past their database reads) while the first load runs.
    await control(environment.emulatorUrl, "POST", "latency", { ms: 300 });
    const pages = await Promise.all(Array.from({ length: 5 }, async () => listThreadsCached(await inbox(), cache)));
    expect((await gmailTraffic()).calls).toEqual(["GET /gmail/v1/users/me/threads", "POST /batch/gmail/v1"]);
    await Promise.all(Array.from({ length: 5 }, async () => listThreadsCached(await inbox(), cache)));
    expect((await gmailTraffic()).calls).toEqual(["GET /gmail/v1/users/me/history"]);
    for (const page of pages) expect(page).toEqual(pages[0]);
    await control(environment.emulatorUrl, "POST", "latency", { ms: 0 });
  });

  it("never serves one account's page for another account or another user", async () => {
    const other = await createUserWithAccounts(environment.emulatorUrl, ["grace@example.com", "empty@example.com"]);
    const adaPage = await listThreadsCached(await inbox(), cache);
    await gmailTraffic();

    // Another user, then that user's other account (its inbox is empty): same label and size each time.
    for (const options of [
      {
        account: await resolveAccount({ userId: other.userId, account: "grace@example.com" }),
        label: "INBOX",
        pageSize: 25,
      },
      {
        account: await resolveAccount({ userId: other.userId, account: "empty@example.com" }),
        label: "INBOX",
        pageSize: 25,
      },
    ]) {
      const page = await listThreadsCached(options, cache);
      expect((await gmailTraffic()).calls[0]).toBe("GET /gmail/v1/users/me/threads");
      expect(ids(page).filter((id) => ids(adaPage).includes(id))).toEqual([]);
      expect(page).toEqual(await coldPage(options));
    }
    expect(ids(await listThreadsCached(await inbox(), cache))).toEqual(ids(adaPage));
  });

  it("forgets an account's pages when it needs re-authorization, and reads nothing from Gmail for it", async () => {
    await listThreadsCached(await inbox(), cache);
    await listThreadsCached(await inbox({ label: "STARRED" }), cache);
    expect(cache.stats().entries).toBe(2);
    await gmailTraffic();
    await markReauthRequired(ada.accountId, "revoked");

    await expect(listThreadsCached(await inbox(), cache)).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(cache.stats().entries).toBe(0);
    expect((await gmailTraffic()).calls).toEqual([]);
  });
});
