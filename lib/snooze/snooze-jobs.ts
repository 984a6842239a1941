// The two job kinds behind Snooze (lib/jobs), their payloads and keys. One `snooze` job per conversation: due at
// its wake time, keyed by account and conversation, so snoozing again moves it rather than adding a second.
// One `snooze-check` job per account while it has snoozes: it looks for replies (see check-job.ts).
import { z } from "zod";

export const SNOOZE_JOB_KIND = "snooze";
export const SNOOZE_CHECK_JOB_KIND = "snooze-check";

export const snoozePayload = z.object({
  threadId: z.string().min(1),
  /** When it wakes, as asked (the job's runAt moves earlier when a reply wakes it). */
  until: z.string(),
  /** The Mailroom/Snoozed label's id at snooze time, to take it off again. */
  labelId: z.string().min(1),
  /** The mailbox's history position right after the snooze: only messages after it wake the conversation. */
  historyId: z.string().optional(),
});

export type SnoozePayload = z.infer<typeof snoozePayload>;

export const snoozeCheckPayload = z.object({
  /** Where the last look at the account's history ended. */
  historyId: z.string().min(1),
});

export type SnoozeCheckPayload = z.infer<typeof snoozeCheckPayload>;

export const snoozeJobKey = (accountId: string, threadId: string) => `${accountId}:${threadId}`;
export const snoozeCheckJobKey = (accountId: string) => accountId;
