import "server-only";
// Send, Undo send and Send later: every send is a `send` job (send-job.ts), due when the undo window ends or
// at the chosen time, whichever is later. Before it is scheduled the draft is checked at Gmail (it exists in
// this account and has a recipient), so the user hears about those problems now rather than as a failed send.
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { ScopeRequiredError, grantsGmailModify } from "../gmail/actions/modify-scope";
import { type GmailRefusal, getDraftSummary } from "../gmail/send-draft";
import { scheduleJob } from "../jobs";
import { SEND_JOB_KIND, type SendPayload, isScopeRefusal } from "./send-job";

export type ScheduledSend = { id: string; draftId: string; sendAt: string; undoUntil: string };

/** Send later as far ahead as a year; further is a typo. */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

export type ScheduleSendOptions = {
  account: Account;
  draftId: string;
  sendAt?: Date | undefined;
  /** The page the send came from, for the way back from Google when permission must be asked first. */
  returnTo?: string | null;
  now?: number;
};

export async function scheduleSend(options: ScheduleSendOptions): Promise<ScheduledSend> {
  const { account, draftId, sendAt } = options;
  const now = options.now ?? Date.now();
  const scopeRequired = (cause?: unknown) => new ScopeRequiredError({ account: account.email, returnTo: options.returnTo, cause });
  if (!grantsGmailModify(account.scope)) throw scopeRequired();
  if (sendAt && sendAt.getTime() <= now) throw new AppError("bad_request", "Invalid request: sendAt is in the past; choose a later time.");
  if (sendAt && sendAt.getTime() - now > MAX_AHEAD_MS)
    throw new AppError("bad_request", "Invalid request: sendAt is more than a year ahead.");

  const draft = await getDraftSummary(account, draftId);
  if (!draft.ok) {
    if (isScopeRefusal(draft)) throw scopeRequired();
    throw refusalError(draft);
  }
  if (draft.to.length + draft.cc.length + draft.bcc.length === 0) {
    throw new AppError("bad_request", "This draft has no recipients: add at least one address in To, Cc or Bcc.");
  }

  const undoUntil = new Date(now + getConfig().undoSendSeconds * 1000);
  const runAt = sendAt && sendAt > undoUntil ? sendAt : undoUntil;
  const payload: SendPayload = { draftId, undoUntil: undoUntil.toISOString(), to: draft.to, subject: draft.subject };
  // Keyed by the draft: a second Send of the same draft while the first waits is the same send.
  const job = await scheduleJob({
    kind: SEND_JOB_KIND,
    userId: account.userId,
    accountId: account.id,
    payload,
    runAt,
    key: `${account.id}:${draftId}`,
  });
  const stored = job.payload as Partial<SendPayload> | null;
  return { id: job.id, draftId, sendAt: job.runAt.toISOString(), undoUntil: stored?.undoUntil ?? payload.undoUntil };
}

function refusalError(refusal: GmailRefusal): AppError {
  if (refusal.status === 404) return new AppError("not_found", "That draft is not in this account.");
  if (refusal.status === 400) return new AppError("bad_request", "Gmail did not accept that draft id.");
  if (refusal.status === 429 || refusal.status === 403) {
    return new AppError("rate_limited", "Gmail is asking Mailroom to slow down. Please try again in a moment.", {
      retryAfterSeconds: refusal.retryAfterSeconds ?? 30,
    });
  }
  return new AppError("upstream_unavailable", "Gmail is not answering right now. Please try again in a moment.", { status: 502 });
}
