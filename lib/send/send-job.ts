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

const NOT_SENT = "The message was not sent";

const REASONS = {
  noRecipients: `${NOT_SENT}: it has no recipients. Add at least one address and send it again.`,
  invalid: `${NOT_SENT}: Gmail refused it (an address may be invalid). Check the recipients and send it again.`,
  deleted: `${NOT_SENT}: its draft was deleted.`,
  noPermission: `${NOT_SENT}: Mailroom is not allowed to send mail from this account. Allow it to change your mail, then send it again.`,
  refused: `${NOT_SENT}: Gmail did not allow it.`,
  limited: "Gmail is limiting how much mail this account can send; Mailroom will try again.",
  unavailable: "Gmail is not answering; Mailroom will try again.",
  accountGone: `${NOT_SENT}: its account is no longer linked to Mailroom.`,
} as const;

/** Gmail's answer to a token without gmail.modify (the grant changed since it was stored). */
function isScopeRefusal({ status, reason }: GmailRefusal): boolean {
  return status === 403 && (reason === "insufficientPermissions" || reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT");
}

/** What to do after Gmail refused a drafts.get or drafts.send. */
function afterRefusal(refusal: GmailRefusal): JobResult {
  const { status, reason, gmailMessage } = refusal;
  if (isScopeRefusal(refusal)) return { outcome: "failed", reason: REASONS.noPermission };
  if (status === 429 || isRetryableFailure(status, reason)) {
    const limited = status === 429 || status === 403;
    return {
      outcome: "retry",
      reason: limited ? REASONS.limited : REASONS.unavailable,
      ...(refusal.retryAfterSeconds !== undefined ? { afterSeconds: refusal.retryAfterSeconds } : {}),
    };
  }
  if (status === 404) return { outcome: "failed", reason: REASONS.deleted };
  if (status === 400) return { outcome: "failed", reason: /recipient/i.test(gmailMessage) ? REASONS.noRecipients : REASONS.invalid };
  return { outcome: "failed", reason: REASONS.refused };
}

/** A failure thrown on the way (no Gmail answer to classify): our own pacing, a lost grant, the network. */
function afterThrown(error: unknown): JobResult {
  if (error instanceof AppError) {
    if (error.code === "reauth_required") return { outcome: "failed", reason: `${NOT_SENT}. ${error.message}` };
    if (error.code === "scope_required") return { outcome: "failed", reason: REASONS.noPermission };
    if (error.code === "rate_limited")
      return { outcome: "retry", reason: REASONS.limited, ...(error.retryAfterSeconds ? { afterSeconds: error.retryAfterSeconds } : {}) };
  }
  if (isRetryableNetworkError(error) || error instanceof AppError) return { outcome: "retry", reason: REASONS.unavailable };
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
  return (await sentInThreadSince(account, threadId, job.createdAt)) ? { outcome: "done" } : { outcome: "failed", reason: REASONS.deleted };
}

export const sendJobHandler: JobHandler<SendPayload> = {
  kind: SEND_JOB_KIND,
  payload: sendPayload,
  async run(job, { interrupted }) {
    const account = await getDb().account.findUnique({ where: { id: job.accountId } });
    if (!account || account.userId !== job.userId) return { outcome: "failed", reason: REASONS.accountGone };
    if (!grantsGmailModify(account.scope)) return { outcome: "failed", reason: REASONS.noPermission };
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
