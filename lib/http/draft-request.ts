// The bodies and queries of the drafts, uploads, contacts and send-as APIs, validated before anything reaches
// Google. Recipients are checked here only as text (each item must be a safe, bounded string); which of them
// are real addresses is decided by lib/compose/addresses.ts, which names every invalid one back.
import { z } from "zod";
import { isSafeHeaderText, MAX_SUBJECT_LENGTH } from "../compose/header-value";
import { MAX_RECIPIENTS } from "../compose/addresses";
import { UPLOAD_ID_PATTERN } from "../uploads/upload-ids";
import { accountEmail, messageId } from "./mail-query";
import { single } from "./query-params";

/** The composer's HTML; a body far beyond what anyone types (pasted images come as attachments) is refused. */
export const MAX_HTML_LENGTH = 2 * 1024 * 1024;

const headerText = (max: number) =>
  z.string().max(max, `may be at most ${max} characters`).refine(isSafeHeaderText, "may not contain line breaks or control characters");

const recipients = z.array(headerText(320)).max(MAX_RECIPIENTS, `may list at most ${MAX_RECIPIENTS} recipients`);

/** Gmail draft ids: `r` then digits, or a dash and digits (`r-5435…`). */
export const draftId = z.string().regex(/^r-?\d{1,24}$/, "must be a Gmail draft id");

const draftFields = {
  account: accountEmail.optional(),
  to: recipients,
  cc: recipients.optional(),
  bcc: recipients.optional(),
  subject: headerText(MAX_SUBJECT_LENGTH),
  html: z.string().max(MAX_HTML_LENGTH, "is too long"),
  from: headerText(320).optional(),
  attachments: z.array(z.string().regex(UPLOAD_ID_PATTERN, "must be upload ids")).max(100, "may list at most 100 files").optional(),
};

export const createDraftSchema = z
  .object({
    ...draftFields,
    inReplyTo: z
      .object({ messageId, mode: z.enum(["reply", "replyAll", "forward"]) })
      .strict()
      .optional(),
  })
  .strict();

export const updateDraftSchema = z
  .object({
    ...draftFields,
    version: z.string().min(1).max(64),
    // The composer's last save (closing): written to Gmail now even if a large draft's save would be held.
    final: z.boolean().optional(),
  })
  .strict();

export type CreateDraftRequest = z.output<typeof createDraftSchema>;
export type UpdateDraftRequest = z.output<typeof updateDraftSchema>;

export const accountQuery = z.object({ account: single(accountEmail) }).strict();
export const draftParams = z.object({ id: draftId }).strict();
export const noParams = z.object({}).optional();

export const contactsQuery = z
  .object({ account: single(accountEmail), q: single(z.string().max(200, "may be at most 200 characters")) })
  .strict();

/** X-Filename: URI-encoded (a header carries no UTF-8 safely), one name, no path, no control characters. */
export function uploadFilename(header: string | null): string {
  let name: string;
  try {
    name = decodeURIComponent(header ?? "");
  } catch {
    name = "";
  }
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  if (base === "" || base.length > 255 || !isSafeHeaderText(base) || base === "." || base === "..") {
    throw new z.ZodError([
      { code: "custom", path: ["X-Filename"], message: "must name the file (URI-encoded, at most 255 characters)", input: header },
    ]);
  }
  return base;
}

/** The file's type as the browser said it; anything that is not a plain `type/subtype` is octet-stream. */
export function uploadMimeType(header: string | null): string {
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  return /^[a-z0-9][\w!#$&^.+-]{0,62}\/[a-z0-9][\w!#$&^.+-]{0,126}$/.test(type) ? type : "application/octet-stream";
}
