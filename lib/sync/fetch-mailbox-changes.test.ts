// History-based change detection against the emulator over HTTP: what a change costs in Gmail round trips,
// and what Mailroom does when history cannot be followed.
import { beforeEach, describe, expect, it } from "vitest";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { currentHistoryId } from "../gmail/history";
import { fetchMailboxChanges, MAX_CHANGED_THREADS } from "./fetch-mailbox-changes";

type LoggedRequest = { method: string; path: string; parts?: { path: string }[] };

const environment = useIntegrationEnvironment();
let ada: LinkedAccount;
let token: string;

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  token = ada.tokens.access_token;
});

async function gmailRequests(): Promise<string[]> {
  const log = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
  return log.requests
    .filter((request) => request.path.startsWith("/gmail/") || request.path.startsWith("/batch/"))
    .map((request) => `${request.method} ${request.path.split("?")[0]}`);
}

function insert(raw: string, labelIds?: string[]) {
  return control<{ id: string; threadId: string }>(environment.emulatorUrl, "POST", "messages", {
    email: "ada@example.com",
    raw,
    ...(labelIds ? { labelIds } : {}),
  });
}

describe("fetchMailboxChanges", () => {
  it("costs one history.list when nothing changed", async () => {
    const since = await currentHistoryId(token);
    await control(environment.emulatorUrl, "DELETE", "requests");
    expect(await fetchMailboxChanges(token, since)).toEqual({ kind: "changes", historyId: since, threads: [], removals: [] });
    expect(await gmailRequests()).toEqual(["GET /gmail/v1/users/me/history"]);
  });

  it("costs two round trips for new mail: history, then one batch for exactly the changed conversations", async () => {
    const since = await currentHistoryId(token);
    const first = await insert("From: Bob <bob@example.com>\r\nSubject: Lunch?\r\n\r\nAt noon?");
    const second = await insert("From: Eve <eve@example.com>\r\nSubject: Hello\r\n\r\nHi");
    await control(environment.emulatorUrl, "DELETE", "requests");

    const changes = await fetchMailboxChanges(token, since);
    expect(changes.kind).toBe("changes");
    if (changes.kind !== "changes") return;
    expect(changes.threads.map((thread) => thread.id).sort()).toEqual([first.threadId, second.threadId].sort());
    expect(BigInt(changes.historyId)).toBeGreaterThan(BigInt(since));
    expect(changes.removals).toEqual([]);
    const log = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
    expect(await gmailRequests()).toEqual(["GET /gmail/v1/users/me/history", "POST /batch/gmail/v1"]);
    const batch = log.requests.find((request) => request.path.startsWith("/batch/"));
    expect(batch?.parts?.map((part) => part.path.split("?")[0]).sort()).toEqual(
      [first.threadId, second.threadId].map((id) => `/gmail/v1/users/me/threads/${id}`).sort(),
    );

    // From the new position, nothing more.
    const again = await fetchMailboxChanges(token, changes.historyId);
    expect(again).toMatchObject({ kind: "changes", threads: [], removals: [] });
  });

  it("reports a position Gmail no longer keeps as expired, with the current one", async () => {
    const current = await currentHistoryId(token);
    expect(await fetchMailboxChanges(token, "1")).toEqual({ kind: "expired", historyId: current });
  });

  it("reports a position Gmail refuses as invalid (400) as expired too, with the current one: the list resyncs", async () => {
    const current = await currentHistoryId(token);
    await control(environment.emulatorUrl, "DELETE", "requests");
    expect(await fetchMailboxChanges(token, "12ab")).toEqual({ kind: "expired", historyId: current });
    expect(await gmailRequests()).toEqual(["GET /gmail/v1/users/me/history", "GET /gmail/v1/users/me/profile"]);
  });

  it("reports more changed conversations than a batch should patch in place as too many", async () => {
    const since = await currentHistoryId(token);
    for (let index = 0; index <= MAX_CHANGED_THREADS; index += 1) {
      await insert(`From: Bulk <bulk@example.com>\r\nSubject: Bulk ${index}\r\nMessage-ID: <bulk-${index}@example.com>\r\n\r\n${index}`);
    }
    await control(environment.emulatorUrl, "DELETE", "requests");
    const changes = await fetchMailboxChanges(token, since);
    expect(changes).toEqual({ kind: "too_many", historyId: await currentHistoryId(token) });
    // Never a batch of more than Gmail allows.
    expect((await gmailRequests()).filter((request) => request.startsWith("POST /batch"))).toEqual([]);
  });
});
