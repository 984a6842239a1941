// The body of POST /api/actions, validated before anything reaches Google: a known action, exactly one
// non-empty list of Gmail ids (at most Gmail's batchModify limit), a label only where the action takes one and
// only one a person can apply, a snooze time only for snooze (there required: in the future, within a year).
// Whether a user label exists in the account is checked later, against its labels.
import { z } from "zod";
import { MAIL_ACTIONS, MAX_ACTION_IDS, SNOOZE_ACTIONS, type MailAction, type SnoozeAction } from "../mail/mail-actions";
import { accountEmail } from "./mail-query";
import { UNAPPLICABLE_LABELS, isApplicableLabel } from "../gmail/labels";

const LABEL_ACTIONS: ReadonlySet<MailAction | SnoozeAction> = new Set(["addLabel", "removeLabel"]);

const ACTIONS = [...MAIL_ACTIONS, ...SNOOZE_ACTIONS] as const;

/** Snooze as far ahead as a year (like Send later); further is a typo. */
export const MAX_SNOOZE_AHEAD_MS = 366 * 24 * 3600 * 1000;

/** An ISO 8601 time with its zone (`2026-12-07T08:00:00+01:00` or `…Z`), in the future and within a year. */
const until = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 time with a zone, like 2026-12-07T08:00:00Z" })
  .refine((value) => Date.parse(value) > Date.now(), "is in the past; choose a later time")
  .refine((value) => Date.parse(value) - Date.now() <= MAX_SNOOZE_AHEAD_MS, "is more than a year ahead");

/** Gmail thread and message ids are 16 lowercase hex digits. */
const gmailId = z.string().regex(/^[0-9a-f]{16}$/, "must be Gmail ids (16 hex digits)");

const ids = z.array(gmailId).min(1, "must name at least one item").max(MAX_ACTION_IDS, `may name at most ${MAX_ACTION_IDS} items at once`);

const labelId = z
  .string()
  .max(64, "is not a label id")
  .refine((value) => !UNAPPLICABLE_LABELS.has(value), "is set by Gmail itself and cannot be added or removed")
  .refine((value) => UNAPPLICABLE_LABELS.has(value) || isApplicableLabel(value), "is not a label id");

export const actionRequestSchema = z
  .object({
    account: accountEmail.optional(),
    action: z.enum(ACTIONS, { error: `must be one of ${ACTIONS.join(", ")}` }),
    threadIds: ids.optional(),
    messageIds: ids.optional(),
    labelId: labelId.optional(),
    until: until.optional(),
  })
  .strict()
  .superRefine((request, context) => {
    if ((request.threadIds === undefined) === (request.messageIds === undefined)) {
      context.addIssue({ code: "custom", path: ["threadIds"], message: "or messageIds must be given, and not both" });
    }
    if (LABEL_ACTIONS.has(request.action) && request.labelId === undefined) {
      context.addIssue({ code: "custom", path: ["labelId"], message: `is required for ${request.action}` });
    }
    if (!LABEL_ACTIONS.has(request.action) && request.labelId !== undefined) {
      context.addIssue({ code: "custom", path: ["labelId"], message: `is only for addLabel and removeLabel, not ${request.action}` });
    }
    if (request.action === "snooze" && request.until === undefined) {
      context.addIssue({ code: "custom", path: ["until"], message: "is required for snooze" });
    }
    if (request.action !== "snooze" && request.until !== undefined) {
      context.addIssue({ code: "custom", path: ["until"], message: `is only for snooze, not ${request.action}` });
    }
    if ((request.action === "snooze" || request.action === "unsnooze") && request.messageIds !== undefined) {
      context.addIssue({ code: "custom", path: ["messageIds"], message: `cannot be snoozed: ${request.action} takes threadIds` });
    }
  });

export type ValidActionRequest = z.output<typeof actionRequestSchema>;
