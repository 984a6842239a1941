// Snooze against the emulator over HTTP, on the database the suite runs on: what Gmail's mailbox shows (the
// conversation's labels) is the measure. Runners stand for app instances; their clocks are moved to the wake
// time instead of waiting for it.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GMAIL_MODIFY, GMAIL_READONLY, obtainTokens } from "@/emulator/testing/control-client";
import { signInTokensFrom } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError } from "../errors";
import { listJobs } from "../jobs";
import { createJobRunner } from "../jobs/runner";
import { applyMailAction } from "../mail/apply-mail-action";
import { saveSignInTokens } from "../tokens/token-store";
import { nudgeSnoozeCheck } from "./check-job";
import { registerSnoozeJobs } from "./register";
import { SNOOZE_JOB_KIND } from "./snooze-jobs";
import { SNOOZED_LABEL_NAME } from "./snoozed-label";
import { listSnoozes } from "./snoozes";

const environment = useIntegrationEnvironment();
registerSnoozeJobs();

const HOUR = 3600_000;
type Person = { account: Account; accessToken: string; email: string };

async function person(email = "ada@example.com", scope = `openid email profile ${GMAIL_MODIFY}`): Promise<Person> {
  const tokens = await obtainTokens(environment.emulatorUrl, { email, scope });
  await control(environment.emulatorUrl, "POST", "consent", { autoApprove: false });
  const user = await getDb().user.upsert({ where: { email }, create: { email, name: email }, update: {} });
  const account = await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
  return { account, accessToken: tokens.access_token, email };
}

async function gmail<T>(who: Person, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${environment.emulatorUrl}/gmail/v1/users/me/${path}`, {
    method,
    headers: { authorization: `Bearer ${who.accessToken}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A conversation from Bob in the person's inbox, already read, and its Message-ID for replies. */
async function conversation(who: Person): Promise<{ threadId: string; messageId: string; subject: string }> {
  const subject = `Lunch ${randomBytes(4).toString("hex")}`;
  const messageId = `<${randomBytes(6).toString("hex")}@example.com>`;
  const raw = `From: Bob <bob@example.com>\r\nTo: ${who.email}\r\nSubject: ${subject}\r\nMessage-ID: ${messageId}\r\n\r\nHello`;
  const { threadId } = await control<{ threadId: string }>(environment.emulatorUrl, "POST", "messages", { email: who.email, raw });
  await gmail(who, "POST", `threads/${threadId}/modify`, { removeLabelIds: ["UNREAD"] });
  return { threadId, messageId, subject };
}

/** Bob answers in the conversation, as mail from outside arrives. */
async function replyFromBob(who: Person, thread: { messageId: string; subject: string }): Promise<void> {
  const raw =
    `From: Bob <bob@example.com>\r\nTo: ${who.email}\r\nSubject: Re: ${thread.subject}\r\nIn-Reply-To: ${thread.messageId}\r\n` +
    `References: ${thread.messageId}\r\nMessage-ID: <${randomBytes(6).toString("hex")}@example.com>\r\n\r\nSure`;
  await control(environment.emulatorUrl, "POST", "messages", { email: who.email, raw });
}

/** The conversation's labels at Gmail, with Mailroom/Snoozed by its name, sorted. */
async function labelsOf(who: Person, threadId: string): Promise<string[]> {
  const [{ messages }, { labels }] = await Promise.all([
    gmail<{ messages: { labelIds?: string[] }[] }>(who, "GET", `threads/${threadId}?format=minimal`),
    gmail<{ labels: { id: string; name: string }[] }>(who, "GET", "labels"),
  ]);
  const names = new Map(labels.map((label) => [label.id, label.name]));
  const ids = new Set(messages.flatMap((message) => message.labelIds ?? []));
  return [...ids].map((id) => names.get(id) ?? id).sort();
}

const snooze = (who: Person, threadIds: string[], until: Date) =>
  applyMailAction({ account: who.account, action: "snooze", threadIds, until: until.toISOString() });
const unsnooze = (who: Person, threadIds: string[]) => applyMailAction({ account: who.account, action: "unsnooze", threadIds });
const runnerAt = (now: number) => createJobRunner({ now: () => now });

const SNOOZED = [SNOOZED_LABEL_NAME];
const BACK_UNREAD = ["INBOX", "UNREAD"];

describe("snooze", () => {
  it("leaves the inbox under a visible Mailroom/Snoozed label, and comes back unread at its time without it", async () => {
    const ada = await person();
    const thread = await conversation(ada);
    const t0 = Date.now();
    expect(await snooze(ada, [thread.threadId], new Date(t0 + HOUR))).toEqual({ applied: 1, failed: [] });
    expect(await labelsOf(ada, thread.threadId)).toEqual(SNOOZED);
    expect(await listSnoozes({ userId: ada.account.userId })).toEqual([
      { accountId: ada.account.id, threadId: thread.threadId, until: new Date(t0 + HOUR).toISOString() },
    ]);

    await runnerAt(t0 + HOUR - 60_000).runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual(SNOOZED);
    await runnerAt(t0 + HOUR).runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual(BACK_UNREAD);
    expect(await listSnoozes({ userId: ada.account.userId })).toEqual([]);
  });

  it("a reply wakes it at once; the person's own message in it does not", async () => {
    const ada = await person();
    const thread = await conversation(ada);
    await snooze(ada, [thread.threadId], new Date(Date.now() + 24 * HOUR));

    // Ada writes in the conversation herself (from another client): it stays snoozed.
    const own = `From: ${ada.email}\r\nTo: bob@example.com\r\nSubject: Re: ${thread.subject}\r\nIn-Reply-To: ${thread.messageId}\r\n\r\nOne more thing`;
    await control(environment.emulatorUrl, "POST", "send", { email: ada.email, raw: own, threadId: thread.threadId });
    const runner = runnerAt(Date.now() + 61_000);
    await runner.runDueJobs();
    await runner.runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual([...SNOOZED, "SENT"].sort());

    await replyFromBob(ada, thread);
    const later = runnerAt(Date.now() + 61_000);
    await later.runDueJobs(); // the check finds the reply
    await later.runDueJobs(); // the conversation wakes
    expect(await labelsOf(ada, thread.threadId)).toEqual([...BACK_UNREAD, "SENT"].sort());
    expect(await listSnoozes({ userId: ada.account.userId })).toEqual([]);
  });

  it("a push from Gmail brings the reply check forward: woken without waiting for the next interval", async () => {
    const ada = await person();
    const thread = await conversation(ada);
    await snooze(ada, [thread.threadId], new Date(Date.now() + 24 * HOUR));
    await replyFromBob(ada, thread);
    const now = createJobRunner();
    await now.runDueJobs(); // the check is a minute away: still snoozed (the reply itself arrived in the inbox)
    expect(await labelsOf(ada, thread.threadId)).toContain(SNOOZED_LABEL_NAME);

    await nudgeSnoozeCheck(ada.account.id);
    await now.runDueJobs();
    await now.runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual(BACK_UNREAD);
  });

  it("Unsnooze brings it back to the inbox now, and nothing wakes it later", async () => {
    const ada = await person();
    const thread = await conversation(ada);
    const t0 = Date.now();
    await snooze(ada, [thread.threadId], new Date(t0 + HOUR));
    expect(await unsnooze(ada, [thread.threadId])).toEqual({ applied: 1, failed: [] });
    expect(await labelsOf(ada, thread.threadId)).toEqual(["INBOX"]);
    await runnerAt(t0 + 2 * HOUR).runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual(["INBOX"]);
  });

  it("snoozing again moves the wake time: one job per conversation", async () => {
    const ada = await person();
    const thread = await conversation(ada);
    const t0 = Date.now();
    await snooze(ada, [thread.threadId], new Date(t0 + HOUR));
    await snooze(ada, [thread.threadId], new Date(t0 + 3 * HOUR));
    const jobs = await listJobs({ userId: ada.account.userId, kinds: [SNOOZE_JOB_KIND], states: ["scheduled"] });
    expect(jobs.map((job) => job.runAt.toISOString())).toEqual([new Date(t0 + 3 * HOUR).toISOString()]);
    await runnerAt(t0 + 2 * HOUR).runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual(SNOOZED);
    await runnerAt(t0 + 3 * HOUR).runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual(BACK_UNREAD);
  });

  it("survives a restart: a runner started after the snooze, on the same database, wakes it", async () => {
    const ada = await person();
    const thread = await conversation(ada);
    const t0 = Date.now();
    const before = runnerAt(t0);
    before.start();
    await snooze(ada, [thread.threadId], new Date(t0 + HOUR));
    await before.stop();

    await runnerAt(t0 + HOUR).runDueJobs();
    expect(await labelsOf(ada, thread.threadId)).toEqual(BACK_UNREAD);
  });

  it("two instances on one database wake it once", async () => {
    const ada = await person();
    const thread = await conversation(ada);
    const t0 = Date.now();
    await snooze(ada, [thread.threadId], new Date(t0 + HOUR));
    await control(environment.emulatorUrl, "DELETE", "requests");
    await Promise.all([runnerAt(t0 + HOUR), runnerAt(t0 + HOUR)].map((runner) => runner.runDueJobs()));
    expect(await labelsOf(ada, thread.threadId)).toEqual(BACK_UNREAD);
    const log = await control<{ requests: { path: string; parts?: { path: string }[] }[] }>(environment.emulatorUrl, "GET", "requests");
    const modifies = log.requests
      .flatMap((request) => [request.path, ...(request.parts ?? []).map((part) => part.path)])
      .filter((path) => path.endsWith(`/threads/${thread.threadId}/modify`));
    expect(modifies).toHaveLength(1);
    const [job] = await listJobs({ userId: ada.account.userId, kinds: [SNOOZE_JOB_KIND] });
    expect(job).toMatchObject({ state: "done", attempts: 1 });
  });

  it("without permission to change mail: scope_required, and nothing changes", async () => {
    const ada = await person("ada@example.com", `openid email profile ${GMAIL_READONLY}`);
    const raw = `From: Bob <bob@example.com>\r\nTo: ${ada.email}\r\nSubject: Hi\r\n\r\nHello`;
    const thread = await control<{ threadId: string }>(environment.emulatorUrl, "POST", "messages", { email: ada.email, raw });
    const error: unknown = await snooze(ada, [thread.threadId], new Date(Date.now() + HOUR)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("scope_required");
    expect(await listSnoozes({ userId: ada.account.userId })).toEqual([]);
  });
});
