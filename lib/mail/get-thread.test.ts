import { beforeEach, describe, expect, it } from "vitest";
import { SEED_FIXTURES } from "@/emulator/seed";
import { createLinkedAccount, type LinkedAccount } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getThread } from "./get-thread";
import { threadIdOfMessage } from "./thread-id-of-message";
import { resolveAccount } from "../accounts/linked-accounts";

type LoggedRequest = { method: string; path: string };

const environment = useIntegrationEnvironment();
const seed = SEED_FIXTURES.ada;
let ada: LinkedAccount;

beforeEach(async () => {
  ada = await createLinkedAccount(environment.emulatorUrl, "ada@example.com");
  await control(environment.emulatorUrl, "DELETE", "requests");
});

async function gmailRequests(): Promise<string[]> {
  const log = await control<{ requests: LoggedRequest[] }>(environment.emulatorUrl, "GET", "requests");
  return log.requests.filter((request) => request.path.startsWith("/gmail/")).map((request) => `${request.method} ${request.path}`);
}

describe("getThread", () => {
  it("reads ada's long conversation in one threads.get: every message, oldest first, decoded", async () => {
    const thread = await getThread({ account: await resolveAccount({ userId: ada.userId }), id: seed.thread.id });
    expect(await gmailRequests()).toEqual([`GET /gmail/v1/users/me/threads/${seed.thread.id}?format=full`]);
    expect(thread.id).toBe(seed.thread.id);
    expect(thread.subject).toBe(seed.thread.subject);
    expect(thread.messages.map((message) => message.id)).toEqual(seed.thread.messageIds);
    expect(thread.messages[0]!.text).toMatch(/^Here is a first draft of the launch plan/);
    expect(thread.messages[1]!.subject).toBe(`Re: ${seed.thread.subject}`);
    expect(thread.messages.map((message) => message.from.email)).toContain("ada@example.com");
    expect(thread.messages.every((message) => message.cc.some((person) => person.email === "charles@analytical.example"))).toBe(true);
    expect(thread.messages.map((message) => message.unread)).toEqual(
      seed.thread.messageIds.map((_, index) => index === seed.thread.length - 1),
    );
    expect(thread.labelIds).toEqual(expect.arrayContaining(["INBOX", "SENT", "UNREAD"]));
  });

  it("sanitises each HTML body as a single message is sanitised, and lists attachments with their ids", async () => {
    const html = await getThread({ account: await resolveAccount({ userId: ada.userId }), id: seed.special.htmlWithScript.threadId });
    expect(html.messages).toHaveLength(1);
    expect(html.messages[0]!.html).not.toMatch(/<script|onclick|javascript:/i);
    expect(html.messages[0]!.html).not.toContain(SEED_FIXTURES.remoteImageUrl);
    expect(html.messages[0]!.blockedRemoteImages).toBeGreaterThan(0);
    const shown = await getThread({
      account: await resolveAccount({ userId: ada.userId }),
      id: seed.special.htmlWithScript.threadId,
      allowRemoteImages: true,
    });
    expect(shown.messages[0]!.html).toContain(SEED_FIXTURES.remoteImageUrl);

    const files = await getThread({ account: await resolveAccount({ userId: ada.userId }), id: seed.special.attachments.threadId });
    expect(files.messages[0]!.attachments).toEqual(
      seed.special.attachments.files.map((file) => ({ ...file, attachmentId: expect.stringMatching(/^[\w-]{16,}$/) as unknown })),
    );
  });

  it("answers not_found for a later message's id, an unknown id and another user's conversation", async () => {
    for (const id of [seed.thread.messageIds[3]!, "ffffffffffffffff"]) {
      await expect(getThread({ account: await resolveAccount({ userId: ada.userId }), id })).rejects.toMatchObject({
        code: "not_found",
        status: 404,
      });
    }
    const grace = await createLinkedAccount(environment.emulatorUrl, "grace@example.com");
    await expect(getThread({ account: await resolveAccount({ userId: grace.userId }), id: seed.thread.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("threadIdOfMessage", () => {
  it("finds the conversation of any of its messages with one minimal get", async () => {
    const later = seed.thread.messageIds[5]!;
    expect(await threadIdOfMessage({ account: await resolveAccount({ userId: ada.userId }), id: later })).toBe(seed.thread.id);
    expect(await gmailRequests()).toEqual([`GET /gmail/v1/users/me/messages/${later}?format=minimal`]);
    await expect(
      threadIdOfMessage({ account: await resolveAccount({ userId: ada.userId }), id: "ffffffffffffffff" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
