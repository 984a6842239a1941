import "server-only";
// Send, Undo send and Send later: every send is a `send` job (send-job.ts), due when the undo window ends or
// at the chosen time, whichever is later. Before it is scheduled the draft is checked at Gmail (it exists in
// this account and has a recipient), so the user hears about those problems now rather than as a failed send;
// a save of a large draft that was held back from Gmail is written there first (lib/drafts), since what
// drafts.send sends is the draft as Gmail holds it.
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { ScopeRequiredError, grantsGmailModify } from "../gmail/actions/modify-scope";
import { getDraftForSend } from "../drafts";
import { scheduleJob } from "../jobs";
import { SEND_JOB_KIND, type SendPayload } from "./send-job";

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

  const draft = await getDraftForSend({ account, draftId });
  if (draft.recipients === 0) {
    throw new AppError("bad_request", "This draft has no recipients: add at least one address in To, Cc or Bcc.");
  }

  const undoUntil = new Date(now + getConfig().undoSendSeconds * 1000);
  const runAt = sendAt && sendAt > undoUntil ? sendAt : undoUntil;
  const payload: SendPayload = {
    draftId,
    undoUntil: undoUntil.toISOString(),
    threadId: draft.threadId,
    to: draft.to,
    subject: draft.subject,
  };
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
