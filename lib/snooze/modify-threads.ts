import "server-only";
// One label change on many conversations in one Gmail round trip (a batch of threads.modify), reported per
// conversation like every other action (applied, and why each of the rest failed).
import type { Account } from "@/generated/prisma/client";
import { batchPost } from "../gmail/actions/batch-post";
import { isInsufficientScope } from "../gmail/actions/modify-scope";
import { GmailResponseError } from "../gmail/gmail-errors";
import { withAccount } from "../gmail/mailbox-access";
import { gmailErrorReason } from "../gmail/retry-policy";
import { summarize } from "../mail/apply-mail-action";
import type { ActionResult } from "../mail/mail-actions";

export type ThreadLabelChange = { add: string[]; remove: string[] };

export async function modifyThreads(
  account: Account,
  threadIds: readonly string[],
  change: ThreadLabelChange,
  /** What to throw when Google refuses for want of gmail.modify. */
  scopeRequired: (cause: unknown) => Error,
): Promise<ActionResult> {
  const requests = threadIds.map((id) => ({
    id,
    path: `/gmail/v1/users/me/threads/${encodeURIComponent(id)}/modify`,
    body: { addLabelIds: change.add, removeLabelIds: change.remove },
  }));
  return withAccount(account, "message", async (accessToken) => {
    const answers = await batchPost(accessToken, requests);
    const refused = [...answers.values()].find((answer) => isInsufficientScope(answer.status, answer.body));
    if (refused) throw scopeRequired(new GmailResponseError(403, { reason: gmailErrorReason(refused.body) }));
    return summarize(threadIds, answers);
  });
}
