// Reading Gmail's history against the emulator over HTTP: records, pages, and the positions Gmail will not follow.
import { beforeEach, describe, expect, it } from "vitest";
import { createLinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { HISTORY_PAGE_SIZE, currentHistoryId, readHistory } from "./history";

const environment = useIntegrationEnvironment();
let token: string;

beforeEach(async () => {
  token = (await createLinkedAccount(environment.emulatorUrl, "ada@example.com")).tokens.access_token;
});

function insert(index: number) {
  return control<{ id: string; threadId: string }>(environment.emulatorUrl, "POST", "messages", {
    email: "ada@example.com",
    raw: `From: Bob <bob@example.com>\r\nSubject: History ${index}\r\nMessage-ID: <history-${index}@example.com>\r\n\r\n${index}`,
  });
}

async function historyRequests(): Promise<string[]> {
  const { requests } = await control<{ requests: { path: string }[] }>(environment.emulatorUrl, "GET", "requests");
  return requests.map((request) => request.path).filter((path) => path.startsWith("/gmail/v1/users/me/history"));
}

describe("readHistory", () => {
  it("reads the records after a position, and the mailbox's position after them", async () => {
    const since = await currentHistoryId(token);
    const { threadId } = await insert(1);
    const read = await readHistory(token, since, { maxPages: 1 });
    expect(read.kind).toBe("records");
    if (read.kind !== "records") return;
    expect(read.records.flatMap((record) => (record.messagesAdded ?? []).map((added) => added.message?.threadId))).toEqual([threadId]);
    expect(read.historyId).toBe(await currentHistoryId(token));
    expect(await readHistory(token, read.historyId, { maxPages: 1 })).toEqual({ kind: "records", records: [], historyId: read.historyId });
  });

  it("asks for Gmail's largest pages, and reports more pages than allowed as too many, with the current position", async () => {
    const since = await currentHistoryId(token);
    for (let index = 0; index <= HISTORY_PAGE_SIZE; index += 1) await insert(index);
    await control(environment.emulatorUrl, "DELETE", "requests");
    expect(await readHistory(token, since, { maxPages: 1 })).toEqual({ kind: "too_many", historyId: await currentHistoryId(token) });
    expect(await historyRequests()).toEqual([`/gmail/v1/users/me/history?startHistoryId=${since}&maxResults=${HISTORY_PAGE_SIZE}`]);
    // With room for a second page, every record is read.
    const read = await readHistory(token, since, { maxPages: 2 });
    expect(read.kind === "records" && read.records.length).toBe(HISTORY_PAGE_SIZE + 1);
  });

  it("reports a position Gmail no longer keeps (404) and one it refuses as invalid (400) alike: expired", async () => {
    expect(await readHistory(token, "1", { maxPages: 1 })).toEqual({ kind: "expired" });
    expect(await readHistory(token, "12ab", { maxPages: 1 })).toEqual({ kind: "expired" });
    const { historyId } = await control<{ historyId: string }>(environment.emulatorUrl, "POST", "history/expire", {
      email: "ada@example.com",
    });
    expect(await readHistory(token, String(BigInt(historyId) - 1n), { maxPages: 1 })).toEqual({ kind: "expired" });
  });

  it("lets any other failure through: a rejected token is not a reason to start over", async () => {
    await control(environment.emulatorUrl, "POST", "faults", { match: { path: "/gmail/v1/users/me/history" }, status: 401, count: 1 });
    await expect(readHistory(token, await currentHistoryId(token), { maxPages: 1 })).rejects.toMatchObject({ response: { status: 401 } });
  });
});
