// The body of POST /api/actions, validated before anything reaches Google: a known action, exactly one
// non-empty list of Gmail ids (at most Gmail's batchModify limit), a label only where the action takes one and
// only one a person can apply. Whether a user label exists in the account is checked later, against its labels.
import { z } from "zod";
import { MAIL_ACTIONS, MAX_ACTION_IDS, type MailAction } from "../mail/mail-actions";
import { accountEmail } from "./mail-query";
import { UNAPPLICABLE_LABELS, isApplicableLabel } from "../gmail/labels";

const LABEL_ACTIONS: ReadonlySet<MailAction> = new Set(["addLabel", "removeLabel"]);

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
    action: z.enum(MAIL_ACTIONS, { error: `must be one of ${MAIL_ACTIONS.join(", ")}` }),
    threadIds: ids.optional(),
    messageIds: ids.optional(),
    labelId: labelId.optional(),
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
  });

export type ValidActionRequest = z.output<typeof actionRequestSchema>;
