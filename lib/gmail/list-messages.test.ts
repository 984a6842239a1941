import { beforeEach, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "@/emulator/seed";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { AppError } from "../errors";
import { getMessage } from "./get-message";
import { listMessages } from "./list-messages";

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

describe("listMessages", () => {
  it("costs one list and one batch per page, for every page of the mailbox", async () => {
    let pageToken: string | undefined;
    const seen: string[] = [];
    let pages = 0;
    do {
      await control(environment.emulatorUrl, "DELETE", "requests");
      const page = await listMessages({ userId: ada.userId, label: "INBOX", pageToken, pageSize: 50 });
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
      const page = await listMessages({ userId: ada.userId, label: "INBOX", pageToken, pageSize: 25 });
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

  it("gives up within its time budget when Gmail keeps failing, with a 503 and nothing to show the user but our message", async () => {
    await control(environment.emulatorUrl, "POST", "faults", { match: { path: "/batch/gmail/v1" }, status: 503 });
    const started = Date.now();
    const error = await listMessages({ userId: ada.userId, label: "INBOX", pageSize: 25 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBeGreaterThanOrEqual(502);
    expect((error as AppError).message).toMatch(/Gmail is not answering/);
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it("rejects a forged page token and an unknown user label as bad requests", async () => {
    const forged = await listMessages({ userId: ada.userId, label: "INBOX", pageToken: "12345678901234567890", pageSize: 25 }).catch((e: unknown) => e);
    expect((forged as AppError).code).toBe("bad_request");
    const unknownLabel = await listMessages({ userId: ada.userId, label: "Label_999", pageSize: 25 }).catch((e: unknown) => e);
    expect((unknownLabel as AppError).code).toBe("bad_request");
  });

  it("reads only the signed-in user's own mailbox", async () => {
    const grace = await createLinkedAccount(environment.emulatorUrl, "grace@example.com");
    const page = await listMessages({ userId: grace.userId, label: "ALL", pageSize: 100 });
    expect(page.messages).toHaveLength(30);
    const adaMessage = SEED_FIXTURES.ada.special.hebrew.id;
    const error = await getMessage({ userId: grace.userId, id: adaMessage }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe("not_found");
  });
});

describe("getMessage", () => {
  it("decodes the Hebrew windows-1255 message and lists attachments", async () => {
    const hebrew = await getMessage({ userId: ada.userId, id: SEED_FIXTURES.ada.special.hebrew.id });
    expect(hebrew.subject).toBe(SEED_FIXTURES.ada.special.hebrew.subject);
    expect(hebrew.text).toBe(SEED_FIXTURES.ada.special.hebrew.body);
    const withFiles = await getMessage({ userId: ada.userId, id: SEED_FIXTURES.ada.special.attachments.id });
    expect(withFiles.attachments).toEqual(SEED_FIXTURES.ada.special.attachments.files);
  });

  it("sanitises HTML and blocks the remote image until allowed", async () => {
    const blocked = await getMessage({ userId: ada.userId, id: SEED_FIXTURES.ada.special.htmlWithScript.id });
    expect(blocked.html).not.toMatch(/<script|onerror|javascript:/i);
    expect(blocked.html).not.toContain(SEED_FIXTURES.remoteImageUrl);
    expect(blocked.blockedRemoteImages).toBeGreaterThan(0);
    const allowed = await getMessage({ userId: ada.userId, id: SEED_FIXTURES.ada.special.htmlWithScript.id, allowRemoteImages: true });
    expect(allowed.html).toContain(SEED_FIXTURES.remoteImageUrl);
    expect(allowed.html).not.toMatch(/<script/i);
  });
});
