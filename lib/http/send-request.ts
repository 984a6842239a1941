// What a client may send to /api/send and /api/scheduled, validated before anything reaches Google.
import { z } from "zod";
import { accountEmail, accountParam } from "./mail-query";
import { single } from "./query-params";

/** Gmail's draft ids are short opaque strings ("r-5861…", "r5861…"): letters, digits, - and _. */
export const draftId = z.string().regex(/^[\w-]{1,256}$/, "must be a Gmail draft id");

/** A job id as Mailroom hands them out. */
export const scheduledId = z.string().regex(/^[\w-]{1,64}$/, "must be the id of a scheduled message");

export const sendRequestSchema = z
  .object({
    /** The account the draft belongs to (default: the user's default account). */
    account: accountEmail.optional(),
    draftId,
    /** Send later: an ISO time with its offset; absent: at the end of the undo window. */
    sendAt: z.iso
      .datetime({ offset: true, message: "must be an ISO time with its offset, like 2026-12-24T09:00:00Z" })
      .transform((value) => new Date(value))
      .optional(),
  })
  .strict();

export const scheduledQuery = z.object({ account: single(accountParam) }).strict();
