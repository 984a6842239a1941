import "server-only";
// The `send` job: at the end of the undo window (or at the chosen time) Gmail's drafts.send of the draft the
// user sent, by its id, so what leaves is the draft as Gmail holds it and sending it twice is impossible on
// Gmail's side: a sent draft no longer exists (404). That is also how a resumed attempt knows the earlier one
// got through: after a crash mid-send, or a failure that may have happened after Gmail sent it (a timeout, a
// 5xx), drafts.get comes first, and a draft that is gone was sent. A refusal that will heal (Gmail's sending
// limit, 5xx) is retried after Gmail's Retry-After or a backoff; one that will not (no recipients, an invalid
// address, the draft deleted, access revoked) fails with a reason its user can act on, and the draft stays.
import { z } from "zod";
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError } from "../errors";
import { grantsGmailModify } from "../gmail/actions/modify-scope";
import { type GmailRefusal, findDraft, sendDraft, sentInThreadSince } from "../gmail/send-draft";
import { isRetryableFailure, isRetryableNetworkError } from "../gmail/retry-policy";
import type { JobHandler, JobResult } from "../jobs";
import { noteMailboxChanged } from "../sync/page-cache-list";
import type { SendFailure } from "./send-failure";

export const SEND_JOB_KIND = "send";

export const sendPayload = z.object({
  draftId: z.string().min(1),
  /** Until when Undo could stop it (for the list of scheduled sends). */
  undoUntil: z.string(),
  /** The draft's conversation, where its message is once sent (to tell sent from deleted after a crash). */
  threadId: z.string().optional(),
  /** What the list of scheduled sends shows, read from the draft when it was scheduled. */
  to: z.array(z.string()).optional(),
  subject: z.string().optional(),
});

export type SendPayload = z.infer<typeof sendPayload>;

const failed = (reason: SendFailure): JobResult => ({ outcome: "failed", reason });

const retry = (reason: SendFailure, afterSeconds?: number): JobResult => ({
  outcome: "retry",
  reason,
  ...(afterSeconds !== undefined ? { afterSeconds } : {}),
});

/** Gmail's answer to a token without gmail.modify (the grant changed since it was stored). */
function isScopeRefusal({ status, reason }: GmailRefusal): boolean {
  return status === 403 && (reason === "insufficientPermissions" || reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT");
}

/** What to do after Gmail refused a drafts.get or drafts.send. */
function afterRefusal(refusal: GmailRefusal): JobResult {
  const { status, reason, gmailMessage } = refusal;
  if (isScopeRefusal(refusal)) return failed("no_permission");
  if (status === 429 || isRetryableFailure(status, reason)) {
    const limited = status === 429 || status === 403;
    return retry(limited ? "limited" : "unavailable", refusal.retryAfterSeconds);
  }
  if (status === 404) return failed("deleted");
  if (status === 400) return failed(/recipient/i.test(gmailMessage) ? "no_recipients" : "invalid");
  return failed("refused");
}

/** A failure thrown on the way (no Gmail answer to classify): our own pacing, a lost grant, the network. */
function afterThrown(error: unknown): JobResult {
  if (error instanceof AppError) {
    if (error.code === "reauth_required") return failed("reauth_required");
    if (error.code === "scope_required") return failed("no_permission");
    if (error.code === "rate_limited") return retry("limited", error.retryAfterSeconds || undefined);
  }
  if (isRetryableNetworkError(error) || error instanceof AppError) return retry("unavailable");
  throw error;
}

/**
 * The draft is gone after an attempt that may have sent it: sent if a message this account sent is in its
 * conversation since the send was scheduled, else deleted by its user (and the send failed, so they hear of it).
 * A send scheduled before the conversation was recorded is taken as sent, as before.
 */
async function sentOrDeleted(account: Account, job: { createdAt: Date; payload: SendPayload }): Promise<JobResult> {
  const { threadId } = job.payload;
  if (!threadId) return { outcome: "done" };
  return (await sentInThreadSince(account, threadId, job.createdAt)) ? { outcome: "done" } : failed("deleted");
}

export const sendJobHandler: JobHandler<SendPayload> = {
  kind: SEND_JOB_KIND,
  payload: sendPayload,
  async run(job, { interrupted }) {
    const account = await getDb().account.findUnique({ where: { id: job.accountId } });
    if (!account || account.userId !== job.userId) return failed("account_gone");
    if (!grantsGmailModify(account.scope)) return failed("no_permission");
    const { draftId } = job.payload;
    try {
      // An earlier attempt may have sent it before it could say so: a draft that is gone was sent. (So is one
      // that goes while we send: an attempt given up for dead may still reach Gmail just before ours.)
      const earlierMayHaveSent = interrupted || job.attempts > 1;
      if (earlierMayHaveSent) {
        const draft = await findDraft(account, draftId);
        if (!draft.ok) return draft.status === 404 ? await sentOrDeleted(account, job) : afterRefusal(draft);
      }
      const sent = await sendDraft(account, draftId);
      if (!sent.ok) return earlierMayHaveSent && sent.status === 404 ? await sentOrDeleted(account, job) : afterRefusal(sent);
      noteMailboxChanged(account.id);
      return { outcome: "done" };
    } catch (error) {
      return afterThrown(error);
    }
  },
};
