// Send, Undo send and Send later against the emulator over HTTP, on the database the suite runs on: what
// reaches the recipient's mailbox is the measure. Runners here stand for app instances; their clocks are
// moved past the undo window instead of waiting it out.
import { describe, expect, it } from "vitest";
import { GMAIL_MODIFY, obtainTokens } from "@/emulator/testing/control-client";
import { signInTokensFrom } from "@/scripts/testing/accounts";
import { control } from "@/scripts/testing/emulator-client";
import { useIntegrationEnvironment } from "@/scripts/testing/integration-env";
import { copiesOf, createDraft, deleteDraft, draftExists } from "@/scripts/testing/send-helpers";
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getJob, registerJobHandler } from "../jobs";
import { createJobRunner } from "../jobs/runner";
import { saveSignInTokens } from "../tokens/token-store";
import { scheduleSend } from "./schedule-send";
import { cancelScheduledSend, listScheduledSends } from "./scheduled-sends";
import { sendJobHandler } from "./send-job";

const environment = useIntegrationEnvironment();
const GRACE = "grace@example.com";

type Sender = { account: Account; accessToken: string };

async function sender(email = "ada@example.com", scope = `openid email profile ${GMAIL_MODIFY}`): Promise<Sender> {
  const tokens = await obtainTokens(environment.emulatorUrl, { email, scope });
  await control(environment.emulatorUrl, "POST", "consent", { autoApprove: false });
  const user = await getDb().user.upsert({ where: { email }, create: { email, name: email }, update: {} });
  const account = await saveSignInTokens({ ...signInTokensFrom(user.id, tokens), email });
  return { account, accessToken: tokens.access_token };
}

/** A draft from `who` to grace, or (null) to nobody yet. */
async function draftTo(who: Sender, to: string | null = GRACE) {
  return createDraft(environment.emulatorUrl, who.accessToken, to === null ? {} : { to });
}

const runnerAt = (now: number, options: { leaseMs?: number } = {}) => createJobRunner({ now: () => now, ...options });

async function expectAppError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

registerJobHandler(sendJobHandler);

describe("send with undo", () => {
  it("leaves at the end of the undo window: one copy in grace's inbox and ada's Sent, the draft gone", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    const scheduled = await scheduleSend({ account: ada.account, draftId, now: t0 });
    expect(scheduled).toMatchObject({
      draftId,
      sendAt: new Date(t0 + 10_000).toISOString(),
      undoUntil: new Date(t0 + 10_000).toISOString(),
    });

    expect(await runnerAt(t0 + 9_000).runDueJobs()).toBe(0);
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(0);
    expect(await runnerAt(t0 + 10_000).runDueJobs()).toBe(1);
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(1);
    expect(await copiesOf(environment.emulatorUrl, "ada@example.com", "SENT", subject)).toHaveLength(1);
    expect(await draftExists(environment.emulatorUrl, ada.accessToken, draftId)).toBe(false);
    expect(await listScheduledSends({ userId: ada.account.userId })).toEqual([]);
  });

  it("undone within the window: nothing arrives and the draft stays a draft", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    const scheduled = await scheduleSend({ account: ada.account, draftId, now: t0 });
    expect((await listScheduledSends({ userId: ada.account.userId })).map((row) => [row.id, row.state, row.to, row.subject])).toEqual([
      [scheduled.id, "scheduled", [GRACE], subject],
    ]);
    expect(await cancelScheduledSend({ id: scheduled.id, userId: ada.account.userId })).toEqual({ cancelled: { id: scheduled.id } });

    expect(await runnerAt(t0 + 60_000).runDueJobs()).toBe(0);
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(0);
    expect(await copiesOf(environment.emulatorUrl, "ada@example.com", "SENT", subject)).toHaveLength(0);
    expect(await draftExists(environment.emulatorUrl, ada.accessToken, draftId)).toBe(true);
  });

  it("Send twice on the same draft is one send", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    const [first, second] = await Promise.all([
      scheduleSend({ account: ada.account, draftId, now: t0 }),
      scheduleSend({ account: ada.account, draftId, now: t0 }),
    ]);
    expect(second.id).toBe(first.id);
    await runnerAt(t0 + 10_000).runDueJobs();
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(1);
  });

  it("two instances racing the same send job: exactly one copy", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    await scheduleSend({ account: ada.account, draftId, now: t0 });
    const instances = Array.from({ length: 4 }, () => runnerAt(t0 + 10_000));
    const claimed = await Promise.all(instances.map((instance) => instance.runDueJobs()));
    expect(claimed.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(1);
    expect(await copiesOf(environment.emulatorUrl, "ada@example.com", "SENT", subject)).toHaveLength(1);
  });

  it("an instance that died after Gmail sent it, before saying so: the next one checks and sends no second copy", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    const scheduled = await scheduleSend({ account: ada.account, draftId, now: t0 });
    // The dying instance: drafts.send goes through, then the process is gone before it reports.
    let sentByTheDead = false;
    registerJobHandler({
      ...sendJobHandler,
      run: async (job, context) => {
        await sendJobHandler.run(job, context);
        sentByTheDead = true;
        return new Promise(() => undefined);
      },
    });
    const dead = runnerAt(t0 + 10_000, { leaseMs: 30_000 });
    void dead.runDueJobs();
    while (!sentByTheDead) await new Promise((resolve) => setTimeout(resolve, 20));
    await dead.stop({ waitMs: 0 });
    registerJobHandler(sendJobHandler);
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(1);

    await control(environment.emulatorUrl, "DELETE", "requests");
    expect(await runnerAt(t0 + 10_000 + 31_000).runDueJobs()).toBe(1);
    expect((await getJob(scheduled.id))?.state).toBe("done");
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(1);
    expect(await copiesOf(environment.emulatorUrl, "ada@example.com", "SENT", subject)).toHaveLength(1);
  });
});

describe("send later", () => {
  it("runs at its time with no browser, and not before", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    const sendAt = new Date(t0 + 3_600_000);
    const scheduled = await scheduleSend({ account: ada.account, draftId, sendAt, now: t0 });
    expect(scheduled.sendAt).toBe(sendAt.toISOString());
    expect(await runnerAt(t0 + 3_599_000).runDueJobs()).toBe(0);
    expect(await runnerAt(t0 + 3_600_000).runDueJobs()).toBe(1);
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(1);
  });

  it("a time in the past is refused and schedules nothing", async () => {
    const ada = await sender();
    const { draftId } = await draftTo(ada);
    await expectAppError(
      scheduleSend({ account: ada.account, draftId, sendAt: new Date(Date.now() - 60_000) }),
      "bad_request",
      /in the past/,
    );
    expect(await listScheduledSends({ userId: ada.account.userId })).toEqual([]);
  });
});

describe("sends that cannot go", () => {
  it("an unknown draft is not found; a draft without recipients is refused naming the problem", async () => {
    const ada = await sender();
    await expectAppError(scheduleSend({ account: ada.account, draftId: "r-123456789" }), "not_found");
    const { draftId } = await draftTo(ada, null);
    await expectAppError(scheduleSend({ account: ada.account, draftId }), "bad_request", /no recipients/);
    expect(await listScheduledSends({ userId: ada.account.userId })).toEqual([]);
  });

  it("an account that may only read is asked for permission before anything is scheduled", async () => {
    const reader = await sender("ada@example.com", "openid email profile https://www.googleapis.com/auth/gmail.readonly");
    await expectAppError(scheduleSend({ account: reader.account, draftId: "r-1" }), "scope_required");
  });

  it("a draft deleted during the window fails with a reason the user reads, listed until dismissed", async () => {
    const ada = await sender();
    const { draftId } = await draftTo(ada);
    const t0 = Date.now();
    const scheduled = await scheduleSend({ account: ada.account, draftId, now: t0 });
    await deleteDraft(environment.emulatorUrl, ada.accessToken, draftId);
    await runnerAt(t0 + 10_000).runDueJobs();
    const [row] = await listScheduledSends({ userId: ada.account.userId });
    expect(row).toMatchObject({
      id: scheduled.id,
      state: "failed",
      reason: "Not sent: its draft was deleted.",
      reasonCode: "deleted",
    });
    await cancelScheduledSend({ id: scheduled.id, userId: ada.account.userId });
    expect(await listScheduledSends({ userId: ada.account.userId })).toEqual([]);
  });

  it("a draft deleted while its send waits for a retry fails as deleted, not as sent", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    const scheduled = await scheduleSend({ account: ada.account, draftId, now: t0 });
    // Gmail answers 503: whether it sent is unknown, so the retry checks before sending again.
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "POST", path: "/gmail/v1/users/me/drafts/send" },
      status: 503,
      retryAfter: 60,
      count: 1,
    });
    await runnerAt(t0 + 10_000).runDueJobs();
    expect((await getJob(scheduled.id))?.state).toBe("scheduled");
    await deleteDraft(environment.emulatorUrl, ada.accessToken, draftId);

    await runnerAt(t0 + 80_000).runDueJobs();
    const [row] = await listScheduledSends({ userId: ada.account.userId });
    expect(row).toMatchObject({ id: scheduled.id, state: "failed", reasonCode: "deleted" });
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(0);
  });

  it("Gmail's sending limit is retried after the time Gmail gives, then the message goes once", async () => {
    const ada = await sender();
    const { draftId, subject } = await draftTo(ada);
    const t0 = Date.now();
    const scheduled = await scheduleSend({ account: ada.account, draftId, now: t0 });
    await control(environment.emulatorUrl, "POST", "faults", {
      match: { method: "POST", path: "/gmail/v1/users/me/drafts/send" },
      status: 429,
      retryAfter: 90,
      count: 1,
    });
    await runnerAt(t0 + 10_000).runDueJobs();
    const waiting = await getJob(scheduled.id);
    expect(waiting?.state).toBe("scheduled");
    expect(waiting?.runAt.getTime()).toBe(t0 + 10_000 + 90_000);
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(0);

    expect(await runnerAt(t0 + 99_000).runDueJobs()).toBe(0);
    expect(await runnerAt(t0 + 100_000).runDueJobs()).toBe(1);
    expect((await getJob(scheduled.id))?.state).toBe("done");
    expect(await copiesOf(environment.emulatorUrl, GRACE, "INBOX", subject)).toHaveLength(1);
  });

  it("another user's scheduled send is not found, and stays scheduled", async () => {
    const ada = await sender();
    const { draftId } = await draftTo(ada);
    const scheduled = await scheduleSend({ account: ada.account, draftId });
    const other = await getDb().user.create({ data: { email: "mallory@example.com" } });
    await expectAppError(cancelScheduledSend({ id: scheduled.id, userId: other.id }), "not_found");
    expect((await getJob(scheduled.id))?.state).toBe("scheduled");
  });
});
