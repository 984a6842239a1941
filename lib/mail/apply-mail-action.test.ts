import { beforeEach, describe, expect, it } from "vitest";
import { GMAIL_MODIFY, obtainTokens } from "@/emulator/testing/control-client";
import { signInTokensFrom } from "@/scripts/testing/accounts";
import { control, loggedGmailRequests } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { getDb } from "../db";
import { AppError } from "../errors";
import { GMAIL_MODIFY_SCOPE } from "../google-scopes";
import { saveSignInTokens } from "../tokens/token-store";
import { undoOf } from "../gmail/labels";
import { applyMailAction } from "./apply-mail-action";
import { resolveAccount } from "../accounts/linked-accounts";

type Signed = { userId: string; email: string; accessToken: string };

const environment = useIntegrationEnvironment();
const READ_ONLY = `openid email profile https://www.googleapis.com/auth/gmail.readonly`;

/** A Mailroom user whose Google account went through the emulator's consent with `scope`, stored as a sign-in stores it. */
async function signedIn(email: string, scope = `openid email profile ${GMAIL_MODIFY}`): Promise<Signed> {
  const tokens = await obtainTokens(environment.emulatorUrl, { email, scope });
  await control(environment.emulatorUrl, "POST", "consent", { autoApprove: false });
  const user = await getDb().user.upsert({ where: { email }, create: { email, name: email }, update: {} });
  await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
  return { userId: user.id, email, accessToken: tokens.access_token };
}

async function gmail<T>(who: Signed, path: string): Promise<T> {
  const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/${path}`, {
    headers: { authorization: `Bearer ${who.accessToken}` },
  });
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
  return (await response.json()) as T;
}

/** Asked of Gmail directly, then forgotten from the request log, so the log shows only what Mailroom sent. */
async function inboxIds(who: Signed, kind: "threads" | "messages", count: number): Promise<string[]> {
  const list = await gmail<Record<string, { id: string }[] | undefined>>(who, `${kind}?labelIds=INBOX&maxResults=${count}`);
  await control(environment.emulatorUrl, "DELETE", "requests");
  const ids = (list[kind] ?? []).map((item) => item.id);
  expect(ids).toHaveLength(count);
  return ids;
}

/** Each message's labels, sorted, by message id. */
async function labelsOf(who: Signed, messageIds: readonly string[]): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    messageIds.map(
      async (id) => [id, (await gmail<{ labelIds: string[] }>(who, `messages/${id}?format=minimal`)).labelIds.sort()] as const,
    ),
  );
  await control(environment.emulatorUrl, "DELETE", "requests");
  return Object.fromEntries(entries);
}

async function messagesOfThreads(who: Signed, threadIds: readonly string[]): Promise<string[]> {
  const threads = await Promise.all(threadIds.map((id) => gmail<{ messages: { id: string }[] }>(who, `threads/${id}?format=minimal`)));
  await control(environment.emulatorUrl, "DELETE", "requests");
  return threads.flatMap((thread) => thread.messages.map((message) => message.id));
}

const gmailRequests = () => loggedGmailRequests(environment.emulatorUrl);

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((error: unknown) => error as AppError);

let ada: Signed;

beforeEach(async () => {
  ada = await signedIn("ada@example.com");
});

describe("applyMailAction", () => {
  it("archives one conversation with one batch of one threads.modify", async () => {
    const [thread] = await inboxIds(ada, "threads", 1);
    const result = await applyMailAction({
      account: await resolveAccount({ userId: ada.userId }),
      action: "archive",
      threadIds: [thread!],
    });
    expect(result).toEqual({ applied: 1, failed: [] });
    const requests = await gmailRequests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /batch/gmail/v1"]);
    expect(requests[0]!.parts).toEqual([{ method: "POST", path: `/gmail/v1/users/me/threads/${thread}/modify`, status: 200 }]);
    for (const labels of Object.values(await labelsOf(ada, await messagesOfThreads(ada, [thread!])))) expect(labels).not.toContain("INBOX");
  });

  it("archives 50 conversations in one Gmail request", async () => {
    const threads = await inboxIds(ada, "threads", 50);
    expect(await applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action: "archive", threadIds: threads })).toEqual(
      { applied: 50, failed: [] },
    );
    const requests = await gmailRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.parts!.map((part) => part.path).sort()).toEqual(
      threads.map((id) => `/gmail/v1/users/me/threads/${id}/modify`).sort(),
    );
    const inbox = await gmail<{ threads?: { id: string }[] }>(ada, "threads?labelIds=INBOX&maxResults=500");
    expect((inbox.threads ?? []).filter((thread) => threads.includes(thread.id))).toEqual([]);
  });

  it("sends more than 50 items as parallel batches of at most 50: still one round trip", async () => {
    const messages = await inboxIds(ada, "messages", 120);
    expect(
      await applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action: "markRead", messageIds: messages }),
    ).toEqual({ applied: 120, failed: [] });
    const batches = await gmailRequests();
    expect(batches.map((batch) => batch.parts!.length).sort()).toEqual([20, 50, 50]);
    expect(batches.every((batch) => batch.path === "/batch/gmail/v1")).toBe(true);
  });

  it("undo restores every label exactly, for each action on messages", async () => {
    const messages = await inboxIds(ada, "messages", 30);
    const before = await labelsOf(ada, messages);
    for (const action of ["archive", "markRead", "markUnread", "star", "unstar", "trash"] as const) {
      // Undo is sent for exactly the items the action was meant for: those it would change.
      const changing = messages.filter((id) => {
        const labels = before[id]!;
        if (action === "archive") return labels.includes("INBOX");
        if (action === "markRead") return labels.includes("UNREAD");
        if (action === "markUnread") return !labels.includes("UNREAD");
        if (action === "star") return !labels.includes("STARRED");
        if (action === "unstar") return labels.includes("STARRED");
        return !labels.includes("TRASH");
      });
      expect(changing.length, action).toBeGreaterThan(0);
      await applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action, messageIds: changing });
      expect(await labelsOf(ada, messages), action).not.toEqual(before);
      expect(
        await applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action: undoOf(action), messageIds: changing }),
      ).toEqual({
        applied: changing.length,
        failed: [],
      });
      expect(await labelsOf(ada, messages), `undo of ${action}`).toEqual(before);
    }
  });

  it("undo on conversations restores each conversation's labels; trash and untrash restore every message's", async () => {
    // threads.modify changes every message of a conversation (Gmail's rule, and what Gmail's own "Move to
    // Inbox" does), so after archive and unarchive a reply that was never in the inbox is in it too: the
    // conversation reads as before (its labels are the union of its messages'), message by message it may not.
    const threads = await inboxIds(ada, "threads", 30);
    const messages = await messagesOfThreads(ada, threads);
    expect(messages.length).toBeGreaterThan(threads.length);
    const before = await labelsOf(ada, messages);
    const conversationLabels = async () => {
      const threadLabels = await Promise.all(
        threads.map(async (id) => {
          const thread = await gmail<{ messages: { labelIds: string[] }[] }>(ada, `threads/${id}?format=minimal`);
          return [...new Set(thread.messages.flatMap((message) => message.labelIds))].sort();
        }),
      );
      await control(environment.emulatorUrl, "DELETE", "requests");
      return threadLabels;
    };
    const conversationsBefore = await conversationLabels();
    const unstarred = threads.filter((_, i) => !conversationsBefore[i]!.includes("STARRED"));
    expect(unstarred.length).toBeGreaterThan(0);

    for (const [action, changing] of [
      ["archive", threads],
      ["star", unstarred],
      ["trash", threads],
    ] as const) {
      await applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action, threadIds: changing });
      expect(await conversationLabels(), action).not.toEqual(conversationsBefore);
      expect(
        await applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action: undoOf(action), threadIds: changing }),
      ).toEqual({
        applied: changing.length,
        failed: [],
      });
      expect(await conversationLabels(), `undo of ${action}`).toEqual(conversationsBefore);
      if (action === "trash") expect(await labelsOf(ada, messages), "untrash").toEqual(await labelsAfterArchiveUndo());
    }

    /** Every message as before, except INBOX now on each message of a conversation that was in the inbox. */
    async function labelsAfterArchiveUndo(): Promise<Record<string, string[]>> {
      const expected: Record<string, string[]> = {};
      for (const id of threads) {
        const thread = await gmail<{ messages: { id: string }[] }>(ada, `threads/${id}?format=minimal`);
        for (const { id: messageId } of thread.messages) expected[messageId] = [...new Set([...before[messageId]!, "INBOX"])].sort();
      }
      await control(environment.emulatorUrl, "DELETE", "requests");
      return expected;
    }
  });

  it("adds and removes one of the account's own labels, and refuses one it does not have before any change", async () => {
    const { labels } = await gmail<{ labels: { id: string; type: string }[] }>(ada, "labels");
    const own = labels.find((label) => label.type === "user")!.id;
    const messages = await inboxIds(ada, "messages", 3);
    expect(
      await applyMailAction({
        account: await resolveAccount({ userId: ada.userId }),
        action: "addLabel",
        labelId: own,
        messageIds: messages,
      }),
    ).toEqual({
      applied: 3,
      failed: [],
    });
    for (const labelIds of Object.values(await labelsOf(ada, messages))) expect(labelIds).toContain(own);

    const refused = await failure(
      applyMailAction({
        account: await resolveAccount({ userId: ada.userId }),
        action: "addLabel",
        labelId: "Label_987654",
        messageIds: messages,
      }),
    );
    expect(refused).toMatchObject({ code: "bad_request", status: 400 });
    expect((await gmailRequests()).filter((request) => request.path.startsWith("/batch/"))).toEqual([]);
  });

  it("reports items that are not in the mailbox one by one, and a 404 when none is", async () => {
    const grace = await signedIn("grace@example.com");
    const [graceMessage] = await inboxIds(grace, "messages", 1);
    const mine = await inboxIds(ada, "messages", 2);
    const result = await applyMailAction({
      account: await resolveAccount({ userId: ada.userId }),
      action: "star",
      messageIds: [...mine, graceMessage!, "0000000000000000"],
    });
    expect(result).toEqual({
      applied: 2,
      failed: [
        { id: graceMessage, code: "not_found" },
        { id: "0000000000000000", code: "not_found" },
      ],
    });
    const none = await failure(
      applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action: "trash", threadIds: [graceMessage!] }),
    );
    expect(none).toMatchObject({ code: "not_found", status: 404 });
    // Grace's mailbox was never touched through Ada's token.
    expect((await labelsOf(grace, [graceMessage!]))[graceMessage!]).not.toContain("TRASH");
  });

  it("retries once the parts that fail with 429 and 500, so every item is changed", { timeout: 60_000 }, async () => {
    const messages = await inboxIds(ada, "messages", 40);
    // A person is waiting: one retry of what failed, at once. The first fault that fires on a part decides its
    // status: the five 500s first (both faults count them), then three 429s.
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "POST", path: "/gmail/v1/users/me/messages/" },
      status: 500,
      count: 5,
    });
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "POST", path: "/gmail/v1/users/me/messages/" },
      status: 429,
      count: 8,
    });
    expect(await applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action: "star", messageIds: messages })).toEqual({
      applied: 40,
      failed: [],
    });
    const parts = (await gmailRequests()).flatMap((batch) => batch.parts ?? []);
    expect(parts.filter((part) => part.status === 429)).toHaveLength(3);
    expect(parts.filter((part) => part.status === 500)).toHaveLength(5);
    // A retry re-sends only what failed.
    expect(parts.filter((part) => part.status === 200)).toHaveLength(40);
    await control(environment.emulatorUrl, "DELETE", "faults");
    for (const labels of Object.values(await labelsOf(ada, messages))) expect(labels).toContain("STARRED");
  });

  it("fails as a whole with the usual 502/503 when Gmail keeps failing, after a bounded number of tries", async () => {
    const messages = await inboxIds(ada, "messages", 3);
    await control(environment.emulatorUrl, "POST", "faults", { match: { path: "/batch/gmail/v1" }, status: 503 });
    const error = await failure(
      applyMailAction({ account: await resolveAccount({ userId: ada.userId }), action: "archive", messageIds: messages }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error!.status).toBeGreaterThanOrEqual(502);
    expect(error!.message).toMatch(/Gmail is not answering/);
    const batches = await gmailRequests();
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThanOrEqual(8);
  });

  it("asks for gmail.modify before any Gmail call when the account may only read", async () => {
    const reader = await signedIn("grace@example.com", READ_ONLY);
    await control(environment.emulatorUrl, "DELETE", "requests");
    const error = await failure(
      applyMailAction({ account: await resolveAccount({ userId: reader.userId }), action: "archive", threadIds: ["18c0a1b2c3d4e5f6"] }),
    );
    expect(error).toMatchObject({
      code: "scope_required",
      status: 403,
      details: { scope: GMAIL_MODIFY_SCOPE, authorizeUrl: "/authorize?account=grace%40example.com" },
    });
    expect(error!.message).toMatch(/change your mail/);
    const everything = await control<{ requests: unknown[] }>(environment.emulatorUrl, "GET", "requests");
    expect(everything.requests).toEqual([]);
  });

  it("asks for gmail.modify when Gmail refuses for want of it although the stored scope claimed it", async () => {
    const reader = await signedIn("grace@example.com", READ_ONLY);
    const messages = await inboxIds(reader, "messages", 2);
    await getDb().account.updateMany({ where: { email: reader.email }, data: { scope: `${READ_ONLY} ${GMAIL_MODIFY_SCOPE}` } });
    const error = await failure(
      applyMailAction({
        account: await resolveAccount({ userId: reader.userId }),
        action: "star",
        messageIds: messages,
        returnTo: "/inbox?label=STARRED",
      }),
    );
    expect(error).toMatchObject({
      code: "scope_required",
      details: { authorizeUrl: "/authorize?account=grace%40example.com&returnTo=%2Finbox%3Flabel%3DSTARRED" },
    });
    // The account stays usable for reading: not marked for re-authorization.
    const stored = await getDb().account.findFirstOrThrow({ where: { email: reader.email } });
    expect(stored.reauthReason).toBeNull();
  });

  it("acts only on the user's own accounts", async () => {
    // The route handler resolves `account=` before anything is applied: another user's address goes no further.
    const error = await failure(
      resolveAccount({ userId: ada.userId, account: "grace@example.com" }).then((account) =>
        applyMailAction({ account, action: "star", messageIds: ["0000000000000000"] }),
      ),
    );
    expect(error).toMatchObject({ code: "bad_request", status: 400 });
    expect(await gmailRequests()).toEqual([]);
  });
});
