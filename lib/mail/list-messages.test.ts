import { beforeEach, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "@/emulator/seed";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control, stats } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { AppError } from "../errors";
import { getMessage } from "./get-message";
import { listMessages } from "./list-messages";
import { resolveAccount } from "../accounts/linked-accounts";

type LoggedRequest = { method: string; path: string; status: number; parts?: { method: string; path: string; status: number }[] };

const environment = useIntegrationEnvironment();
let ada: LinkedAccount;

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  await control(environment.emulatorUrl, "DELETE", "requests");
});

async function gmailRequests(): Promise<LoggedRequest[]> {
  const log = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
  return log.requests.filter((request) => request.path.startsWith("/gmail/") || request.path.startsWith("/batch/"));
}

/** The ids Gmail lists, asked directly (not through Mailroom), so the page's order can be checked against it. */
async function listedIds(query: string): Promise<string[]> {
  const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/messages?${query}`, {
    headers: { authorization: `Bearer ${ada.tokens.access_token}` },
  });
  const body = (await response.json()) as { messages?: { id: string }[] };
  await control(environment.emulatorUrl, "DELETE", "requests");
  return (body.messages ?? []).map((message) => message.id);
}

describe("listMessages", () => {
  it("costs one list and one batch per page, for every page of the mailbox", async () => {
    let pageToken: string | undefined;
    const seen: string[] = [];
    let pages = 0;
    do {
      await control(environment.emulatorUrl, "DELETE", "requests");
      const page = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageToken, pageSize: 50 });
      seen.push(...page.messages.map((message) => message.id));
      pageToken = page.nextPageToken;
      pages += 1;
      const requests = await gmailRequests();
      expect(requests.map((request) => `${request.method} ${request.path.split("?")[0]}`)).toEqual([
        "GET /gmail/v1/users/me/messages",
        "POST /batch/gmail/v1",
      ]);
      expect(requests[1]!.parts).toHaveLength(page.messages.length);
    } while (pageToken);
    expect(pages).toBe(Math.ceil(SEED_FIXTURES.ada.inbox / 50));
    expect(new Set(seen).size).toBe(SEED_FIXTURES.ada.inbox);
  });

  it("completes every page when 30% of batch parts fail with 429 and Retry-After", { timeout: 120_000 }, async () => {
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "GET", path: "/gmail/v1/users/me/messages/" },
      status: 429,
      rate: 0.3,
      retryAfter: 1,
    });
    let pageToken: string | undefined;
    const seen: string[] = [];
    do {
      const page = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageToken, pageSize: 25 });
      // Every part arrived in the end: each row has what the metadata get returns (a sender and a date).
      expect(page.messages.filter((message) => !message.from.email || !message.date)).toEqual([]);
      seen.push(...page.messages.map((message) => message.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(new Set(seen).size).toBe(SEED_FIXTURES.ada.inbox);

    const batches = (await gmailRequests()).filter((request) => request.path.startsWith("/batch/"));
    const failedParts = batches.flatMap((batch) => batch.parts ?? []).filter((part) => part.status === 429);
    expect(failedParts.length).toBeGreaterThan(0); // the faults really fired, and were retried
    expect(batches.length).toBeGreaterThan(Math.ceil(SEED_FIXTURES.ada.inbox / 25));
  });

  it("gives up after a bounded number of attempts when Gmail keeps failing, with a 503 and nothing to show the user but our message", async () => {
    await control(environment.emulatorUrl, "POST", "faults", { match: { path: "/batch/gmail/v1" }, status: 503 });
    const error = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 25 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBeGreaterThanOrEqual(502);
    expect((error as AppError).message).toMatch(/Gmail is not answering/);
    // It tried again, but not forever: the retry budget ends the wait (how long it takes is the bench's job).
    const batches = (await gmailRequests()).filter((request) => request.path.startsWith("/batch/"));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThanOrEqual(8);
  });

  it("shows the rest of the page when messages were deleted between the list and the batch", async () => {
    const listed = await listedIds("labelIds=INBOX&maxResults=25");
    const deleted = [listed[0]!, listed[7]!, listed[24]!];
    for (const id of deleted) {
      await control(environment.emulatorUrl, "POST", "faults", {
        match: { method: "GET", path: `/gmail/v1/users/me/messages/${id}` },
        status: 404,
      });
    }
    const page = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 25 });
    expect(page.messages.map((message) => message.id)).toEqual(listed.filter((id) => !deleted.includes(id)));
    expect(page.messages.filter((message) => !message.from.email || !message.date)).toEqual([]);

    // The parts really answered 404, and were not asked again.
    const batches = (await gmailRequests()).filter((request) => request.path.startsWith("/batch/"));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.parts!.filter((part) => part.status === 404)).toHaveLength(deleted.length);
  });

  it("shows an empty page when every listed message was deleted before the batch", async () => {
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "GET", path: "/gmail/v1/users/me/messages/" },
      status: 404,
    });
    const page = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 10 });
    expect(page.messages).toEqual([]);
    expect(page.nextPageToken).toBeDefined();
  });

  it("retries parts refused by Gmail's per-user rate limit (403) and completes the page", async () => {
    const listed = await listedIds("labelIds=INBOX&maxResults=25");
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "GET", path: "/gmail/v1/users/me/messages/" },
      status: 403,
      rate: 0.3,
    });
    const page = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 25 });
    expect(page.messages.map((message) => message.id)).toEqual(listed);
    const parts = (await gmailRequests()).flatMap((request) => request.parts ?? []);
    expect(parts.filter((part) => part.status === 403).length).toBeGreaterThan(0);
  });

  it("still fails the page when a part is refused for another reason than being gone", async () => {
    const [refused] = await listedIds("labelIds=INBOX&maxResults=25");
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "GET", path: `/gmail/v1/users/me/messages/${refused}` },
      status: 400,
    });
    const error = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 25 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request");
  });

  it("splits a page of 100 into two parallel batches of at most 50 parts, keeping Gmail's order", async () => {
    const listed = await listedIds("maxResults=100");
    expect(listed).toHaveLength(100);
    // With some latency, batches sent one after the other could never be in flight together.
    await control(environment.emulatorUrl, "POST", "latency", { ms: 100 });
    await control(environment.emulatorUrl, "DELETE", "stats");
    const page = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "ALL", pageSize: 100 });
    expect(page.messages.map((message) => message.id)).toEqual(listed);

    const requests = await gmailRequests();
    expect(requests.map((request) => `${request.method} ${request.path.split("?")[0]}`)).toEqual([
      "GET /gmail/v1/users/me/messages",
      "POST /batch/gmail/v1",
      "POST /batch/gmail/v1",
    ]);
    const parts = requests.slice(1).map((batch) => batch.parts ?? []);
    for (const batch of parts) expect(batch.length).toBeLessThanOrEqual(50);
    const fetched = parts.flat().map((part) => decodeURIComponent(part.path.split("?")[0]!.split("/").pop()!));
    expect(fetched.sort()).toEqual([...listed].sort());
    expect((await stats(environment.emulatorUrl)).peakConcurrent).toBe(2);
  });

  it("retries each batch of a large page on its own and still keeps Gmail's order", async () => {
    const listed = await listedIds("maxResults=100");
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "GET", path: "/gmail/v1/users/me/messages/" },
      status: 503,
      rate: 0.2,
    });
    const page = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "ALL", pageSize: 100 });
    expect(page.messages.map((message) => message.id)).toEqual(listed);
    const batches = (await gmailRequests()).filter((request) => request.path.startsWith("/batch/"));
    expect(batches.length).toBeGreaterThan(2);
    for (const batch of batches) expect(batch.parts!.length).toBeLessThanOrEqual(50);
    // A retry re-sends only the parts that failed.
    const retried = batches.slice(2).flatMap((batch) => batch.parts ?? []).length;
    const failed = batches.flatMap((batch) => batch.parts ?? []).filter((part) => part.status === 503).length;
    expect(retried).toBe(failed);
  });

  it("reports a batch endpoint answering 404 as Gmail failing, not as an empty result", async () => {
    await control(environment.emulatorUrl, "POST", "faults", { match: { path: "/batch/gmail/v1" }, status: 404 });
    const error = await listMessages({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 25 }).catch(
      (caught: unknown) => caught,
    );
    expect((error as AppError).code).toBe("upstream_unavailable");
    expect((error as AppError).message).toMatch(/Gmail is not answering/);
  });

  it("rejects a forged page token and an unknown user label as bad requests", async () => {
    const forged = await listMessages({
      account: await resolveAccount({ userId: ada.userId }),
      label: "INBOX",
      pageToken: "12345678901234567890",
      pageSize: 25,
    }).catch((e: unknown) => e);
    expect((forged as AppError).code).toBe("bad_request");
    const unknownLabel = await listMessages({
      account: await resolveAccount({ userId: ada.userId }),
      label: "Label_999",
      pageSize: 25,
    }).catch((e: unknown) => e);
    expect((unknownLabel as AppError).code).toBe("bad_request");
  });

  it("reads only the signed-in user's own mailbox", async () => {
    const grace = await createLinkedAccount(environment.emulatorUrl, "grace@example.com");
    const page = await listMessages({ account: await resolveAccount({ userId: grace.userId }), label: "ALL", pageSize: 100 });
    expect(page.messages).toHaveLength(30);
    const adaMessage = SEED_FIXTURES.ada.special.hebrew.id;
    const error = await getMessage({ account: await resolveAccount({ userId: grace.userId }), id: adaMessage }).catch(
      (caught: unknown) => caught,
    );
    expect((error as AppError).code).toBe("not_found");
  });
});

describe("getMessage", () => {
  it("decodes the Hebrew windows-1255 message and lists attachments", async () => {
    const hebrew = await getMessage({ account: await resolveAccount({ userId: ada.userId }), id: SEED_FIXTURES.ada.special.hebrew.id });
    expect(hebrew.subject).toBe(SEED_FIXTURES.ada.special.hebrew.subject);
    expect(hebrew.text).toBe(SEED_FIXTURES.ada.special.hebrew.body);
    const withFiles = await getMessage({
      account: await resolveAccount({ userId: ada.userId }),
      id: SEED_FIXTURES.ada.special.attachments.id,
    });
    expect(withFiles.attachments).toEqual(
      SEED_FIXTURES.ada.special.attachments.files.map((file) => ({
        ...file,
        attachmentId: expect.stringMatching(/^[\w-]{16,}$/) as unknown,
      })),
    );
  });

  it("answers not_found for a message deleted since it was listed", async () => {
    const id = SEED_FIXTURES.ada.special.hebrew.id;
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "GET", path: `/gmail/v1/users/me/messages/${id}` },
      status: 404,
    });
    const error = await getMessage({ account: await resolveAccount({ userId: ada.userId }), id }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe("not_found");
    expect((error as AppError).message).toBe("This message does not exist in your mailbox.");
  });

  it("sanitises HTML and blocks the remote image until allowed", async () => {
    const blocked = await getMessage({
      account: await resolveAccount({ userId: ada.userId }),
      id: SEED_FIXTURES.ada.special.htmlWithScript.id,
    });
    expect(blocked.html).not.toMatch(/<script|onerror|javascript:/i);
    expect(blocked.html).not.toContain(SEED_FIXTURES.remoteImageUrl);
    expect(blocked.blockedRemoteImages).toBeGreaterThan(0);
    const allowed = await getMessage({
      account: await resolveAccount({ userId: ada.userId }),
      id: SEED_FIXTURES.ada.special.htmlWithScript.id,
      allowRemoteImages: true,
    });
    expect(allowed.html).toContain(SEED_FIXTURES.remoteImageUrl);
    expect(allowed.html).not.toMatch(/<script/i);
  });
});
