import "server-only";
// applyMailAction: one action (archive, star, trash...) on any number of a user's conversations or messages,
// in one Gmail round trip: one batch of threads.modify/trash/untrash, or of messages.modify/trash/untrash.
//
// Why a batch of messages.modify rather than one messages.batchModify for message ids: batchModify answers 204
// whatever the ids, silently skipping unknown ones, so Mailroom could not say which items changed, and Undo
// must send its opposite for exactly those. It also has no trash/untrash. A batch reports every item; it costs
// more quota per item (5 units each against 50 for up to 1000), which the 1000-item cap bounds.
import type { Account } from "@/generated/prisma/client";
import { AppError } from "../errors";
import { listUserLabels } from "../gmail/list-labels";
import { type ActionRequest, type ActionResult, isSnoozeAction } from "./mail-actions";
import { applySnoozeAction } from "../snooze/snooze-threads";
import { noteMailboxChanged } from "../sync/page-cache-list";
import { withAccount } from "../gmail/mailbox-access";
import { GmailResponseError } from "../gmail/gmail-errors";
import { PERSON_WAITING_RETRY, gmailErrorReason, isRetryableFailure } from "../gmail/retry-policy";
import { type PartAnswer, batchPost } from "../gmail/actions/batch-post";
import { gmailChangeFor, gmailChangeRequest } from "../gmail/actions/label-changes";
import { isUserLabelId } from "../gmail/labels";
import { ScopeRequiredError, grantsGmailModify, isInsufficientScope } from "../gmail/actions/modify-scope";

export type ApplyMailActionOptions = Omit<ActionRequest, "account"> & {
  /** The linked account acted on, resolved once by the route handler. */
  account: Account;
  /** The page the action was taken on, for the way back from Google when permission must be asked first. */
  returnTo?: string | null;
};

/** Why one item was not changed. */
export type ItemFailureCode = "not_found" | "rejected" | "forbidden" | "unavailable";

export async function applyMailAction(options: ApplyMailActionOptions): Promise<ActionResult> {
  const { account, action, labelId } = options;
  // Snooze is more than a label change (a job wakes the conversations): lib/snooze does it.
  if (isSnoozeAction(action)) return applySnoozeAction({ ...options, action, threadIds: options.threadIds ?? [] });
  const scopeRequired = (cause?: unknown) => new ScopeRequiredError({ account: account.email, returnTo: options.returnTo, cause });
  // Asked before anything reaches Google: without the scope every change would be refused anyway.
  if (!grantsGmailModify(account.scope)) throw scopeRequired();

  if (labelId !== undefined && isUserLabelId(labelId)) {
    const labels = await listUserLabels(account);
    if (!labels.some((label) => label.id === labelId)) {
      throw new AppError("bad_request", "Invalid request: labelId is not one of this account's labels.");
    }
  }

  const kind = options.threadIds ? "threads" : "messages";
  const ids = [...new Set(options.threadIds ?? options.messageIds ?? [])];
  if (ids.length === 0) return { applied: 0, failed: [] };
  const change = gmailChangeFor(action, labelId);
  const requests = ids.map((id) => ({ id, ...gmailChangeRequest(kind, id, change) }));

  const result = await withAccount(account, "message", async (accessToken) => {
    // The person is waiting on the list: a failure reaches them at once, with "Try again" (not seconds later).
    const answers = await batchPost(accessToken, requests, PERSON_WAITING_RETRY);
    const refused = [...answers.values()].find((answer) => isInsufficientScope(answer.status, answer.body));
    // The stored scope said yes but Google says no (a grant changed since): ask again, as if we had known.
    if (refused) throw scopeRequired(new GmailResponseError(403, { reason: gmailErrorReason(refused.body) }));
    return summarize(ids, answers);
  });
  // A page load already under way started before this change: it must not be served as current afterwards.
  if (result.applied > 0) noteMailboxChanged(account.id);
  return result;
}

function failureCode(answer: PartAnswer): ItemFailureCode {
  if (answer.status === 404) return "not_found";
  if (answer.status === 400) return "rejected";
  if (isRetryableFailure(answer.status, gmailErrorReason(answer.body))) return "unavailable";
  return "forbidden";
}

/**
 * Counts what changed and why the rest did not. When nothing changed and every item failed for the same
 * reason, the request as a whole failed for it: 404 (none of them exists in this account), 400, or (thrown as
 * Gmail's own failure, which withAccount turns into the usual 429/502/503) overload through every retry.
 */
export function summarize(ids: readonly string[], answers: ReadonlyMap<string, PartAnswer>): ActionResult {
  let applied = 0;
  const failed: ActionResult["failed"] = [];
  const failures: PartAnswer[] = [];
  for (const id of ids) {
    const answer = answers.get(id) ?? { status: 502, body: null };
    if (answer.status >= 200 && answer.status < 300) {
      applied += 1;
      continue;
    }
    failed.push({ id, code: failureCode(answer) });
    failures.push(answer);
  }
  if (applied > 0 || failed.length === 0) return { applied, failed };
  const codes = new Set(failed.map((failure) => failure.code));
  if (codes.size === 1 && codes.has("not_found")) {
    throw new AppError(
      "not_found",
      ids.length === 1 ? "That conversation or message is not in this mailbox." : "None of those items is in this mailbox.",
    );
  }
  if (codes.size === 1 && codes.has("rejected")) throw new AppError("bad_request", "Gmail did not accept that change.");
  if (codes.size === 1 && codes.has("unavailable")) {
    const last = failures[failures.length - 1]!;
    throw new GmailResponseError(last.status, {
      reason: gmailErrorReason(last.body),
      ...(last.retryAfter ? { retryAfter: last.retryAfter } : {}),
    });
  }
  return { applied, failed };
}
