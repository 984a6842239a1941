import { beforeEach, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "@/emulator/seed";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control, loggedGmailRequests } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import type { AppError } from "../errors";
import { listThreads } from "./list-threads";
import { resolveAccount } from "../accounts/linked-accounts";

const environment = useIntegrationEnvironment();
const seed = SEED_FIXTURES.ada;
let ada: LinkedAccount;

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  await control(environment.emulatorUrl, "DELETE", "requests");
});

const gmailRequests = () => loggedGmailRequests(environment.emulatorUrl);

/** Gmail's own answer (not Mailroom's), for comparing a page with it. */
async function gmail<T>(path: string): Promise<T> {
  const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/${path}`, {
    headers: { authorization: `Bearer ${ada.tokens.access_token}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as T;
  await control(environment.emulatorUrl, "DELETE", "requests");
  return body;
}

async function listedThreadIds(query: string): Promise<string[]> {
  const body = await gmail<{ threads?: { id: string }[]; nextPageToken?: string }>(`threads?${query}`);
  return (body.threads ?? []).map((thread) => thread.id);
}

async function insertMessage(raw: string, labelIds: string[], internalDate: number): Promise<{ id: string; threadId: string }> {
  return control(environment.emulatorUrl, "POST", "messages", { email: "ada@example.com", raw, labelIds, internalDate });
}

describe("listThreads", () => {
  it("costs one threads.list and one batch of metadata gets per page, for every page of the inbox", async () => {
    const everyInboxThread = await listedThreadIds("labelIds=INBOX&maxResults=500");
    let pageToken: string | undefined;
    const seen: string[] = [];
    do {
      await control(environment.emulatorUrl, "DELETE", "requests");
      const page = await listThreads({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageToken, pageSize: 25 });
      seen.push(...page.threads.map((thread) => thread.id));
      pageToken = page.nextPageToken;
      if (pageToken) expect(page.threads).toHaveLength(25);

      const requests = await gmailRequests();
      expect(requests.map((request) => `${request.method} ${request.path.split("?")[0]}`)).toEqual([
        "GET /gmail/v1/users/me/threads",
        "POST /batch/gmail/v1",
      ]);
      expect(requests[0]!.path).toContain("maxResults=25");
      const parts = requests[1]!.parts!;
      expect(parts).toHaveLength(page.threads.length);
      for (const part of parts) {
        expect(part.path).toMatch(
          /^\/gmail\/v1\/users\/me\/threads\/[0-9a-f]{16}\?format=metadata&metadataHeaders=From&metadataHeaders=Subject/,
        );
      }
    } while (pageToken);
    expect(seen).toEqual(everyInboxThread);
  });

  it("sums up ada's long conversation: every message counted, every sender once, the latest message's sender, date and id", async () => {
    const page = await listThreads({
      account: await resolveAccount({ userId: ada.userId }),
      label: "INBOX",
      q: `"${seed.thread.subject}"`,
      pageSize: 25,
    });
    expect(page.threads).toHaveLength(1);
    const [thread] = page.threads;
    const latestId = seed.thread.messageIds[seed.thread.length - 1]!;
    const latest = await gmail<{ internalDate: string; snippet: string }>(`messages/${latestId}?format=minimal`);
    expect(thread).toMatchObject({
      id: seed.thread.id,
      messageCount: seed.thread.length,
      subject: seed.thread.subject,
      latestMessageId: latestId,
      date: new Date(Number(latest.internalDate)).toISOString(),
      snippet: latest.snippet,
      // Only the last message is unread; the conversation is.
      unread: true,
      starred: false,
    });
    expect(thread!.from.email).toBe("grace@example.com");
    expect(thread!.participants.map((person) => person.email)).toEqual([
      "grace@example.com",
      "ada@example.com",
      "charles@analytical.example",
      "mary@somerville.example",
    ]);
    // The thread's labels are the union of its messages': Ada's replies are SENT, the others INBOX.
    expect(thread!.labelIds).toEqual(expect.arrayContaining(["INBOX", "SENT", "UNREAD", seed.labels.work]));
  });

  it("leaves out conversations deleted between the list and the batch, and fetches the rest once", async () => {
    const listed = await listedThreadIds("labelIds=INBOX&maxResults=20");
    const deleted = [listed[0]!, listed[9]!, listed[19]!];
    for (const id of deleted) {
      await control(environment.emulatorUrl, "POST", "faults", {
        match: { method: "GET", path: `/gmail/v1/users/me/threads/${id}` },
        status: 404,
      });
    }
    const page = await listThreads({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 20 });
    expect(page.threads.map((thread) => thread.id)).toEqual(listed.filter((id) => !deleted.includes(id)));
    const batches = (await gmailRequests()).filter((request) => request.path.startsWith("/batch/"));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.parts!.filter((part) => part.status === 404)).toHaveLength(deleted.length);
  });

  it("does not count a trashed reply in an inbox conversation, but shows it in Trash", async () => {
    const now = seed.newestInternalDate + 60_000;
    const root = await insertMessage(
      "From: Lin <lin@example.org>\r\nTo: ada@example.com\r\nSubject: Picnic\r\nMessage-ID: <picnic-1@example.org>\r\n\r\nSaturday?\r\n",
      ["INBOX"],
      now,
    );
    const reply = await insertMessage(
      "From: Max <max@example.org>\r\nTo: ada@example.com\r\nSubject: Re: Picnic\r\nMessage-ID: <picnic-2@example.org>\r\n" +
        "In-Reply-To: <picnic-1@example.org>\r\nReferences: <picnic-1@example.org>\r\n\r\nSpam spam.\r\n",
      ["TRASH", "UNREAD"],
      now + 1_000,
    );
    expect(reply.threadId).toBe(root.threadId);

    const inbox = await listThreads({ account: await resolveAccount({ userId: ada.userId }), label: "INBOX", pageSize: 1 });
    expect(inbox.threads[0]).toMatchObject({ id: root.threadId, messageCount: 1, unread: false, latestMessageId: root.id });
    expect(inbox.threads[0]!.participants.map((person) => person.email)).toEqual(["lin@example.org"]);

    const trash = await listThreads({ account: await resolveAccount({ userId: ada.userId }), label: "TRASH", q: "Picnic", pageSize: 5 });
    expect(trash.threads[0]).toMatchObject({ id: root.threadId, messageCount: 2, unread: true, latestMessageId: reply.id });
  });

  it("refuses a forged page token and a label that is not the user's", async () => {
    const forged = await listThreads({
      account: await resolveAccount({ userId: ada.userId }),
      label: "INBOX",
      pageToken: "12345678901234567890",
      pageSize: 25,
    }).catch((error: unknown) => error);
    expect((forged as AppError).code).toBe("bad_request");
    const unknownLabel = await listThreads({
      account: await resolveAccount({ userId: ada.userId }),
      label: "Label_999",
      pageSize: 25,
    }).catch((error: unknown) => error);
    expect((unknownLabel as AppError).code).toBe("bad_request");
  });

  it("shows an empty page for an empty mailbox, in one list and no batch", async () => {
    const empty = await createLinkedAccount(environment.emulatorUrl, "empty@example.com");
    await control(environment.emulatorUrl, "DELETE", "requests");
    const page = await listThreads({ account: await resolveAccount({ userId: empty.userId }), label: "INBOX", pageSize: 25 });
    expect(page).toEqual({ threads: [], resultSizeEstimate: 0 });
    expect((await gmailRequests()).map((request) => request.path.split("?")[0])).toEqual(["/gmail/v1/users/me/threads"]);
  });
});
