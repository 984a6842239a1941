import "server-only";
// PUT /api/drafts/{id}: the draft rewritten, if `version` is still its current one (else 409 draft_conflict,
// see draft-records.ts).
//
// Every drafts.update carries the whole message: with a 20 MB attachment, an autosave every 3 s would send
// Gmail over half a gigabyte a minute. So a draft whose files pass LARGE_DRAFT_BYTES is written to Gmail at
// most once every GMAIL_WRITE_EVERY_MS while the person types and the files stay the same; a save in between
// is held durably in the draft's record (`pendingSave`) and gets a version of its own, so nothing typed is
// lost and conflicts are still seen. The held save reaches Gmail at the next save after the interval, at a
// save marked `final` (the composer closing), and before a send is scheduled (getDraftForSend).
import { randomBytes } from "node:crypto";
import { parseRecipients } from "../compose/addresses";
import { sanitizeComposerHtml } from "../compose/composer-html";
import { AppError } from "../errors";
import { updateDraft } from "../gmail/drafts";
import { withAccount } from "../gmail/mailbox-access";
import { noteMailboxChanged } from "../sync/page-cache-list";
import { type StoredUpload, useUploads } from "../uploads/upload-store";
import {
  type DraftRecord,
  attachmentIdsOf,
  claimDraft,
  draftNotFound,
  findDraftRecord,
  finishClaim,
  forgetDraft,
  releaseClaim,
} from "./draft-records";
import { type DraftFields, type SaveContext, type SavedDraft, assertCanWrite, uploadInfo, writeMessage } from "./save-draft";

export const LARGE_DRAFT_BYTES = 5 * 1024 * 1024;
export const GMAIL_WRITE_EVERY_MS = 60 * 1000;

type Owner = { userId: string; accountId: string };

const sameFiles = (record: DraftRecord, uploads: readonly StoredUpload[]) =>
  JSON.stringify(attachmentIdsOf(record)) === JSON.stringify(uploads.map((upload) => upload.uploadId));

function mayHold(record: DraftRecord, uploads: readonly StoredUpload[], final: boolean, now: number): boolean {
  const bytes = uploads.reduce((sum, upload) => sum + upload.size, 0);
  return (
    !final &&
    bytes > LARGE_DRAFT_BYTES &&
    record.writtenAt !== null &&
    now - record.writtenAt.getTime() < GMAIL_WRITE_EVERY_MS &&
    sameFiles(record, uploads)
  );
}

/** Writes `fields` to Gmail under the claim `token`; the record then holds Gmail's new message id as version. */
async function writeToGmail(
  context: SaveContext,
  owner: Owner,
  record: DraftRecord,
  token: string,
  fields: DraftFields,
  basedOn: string,
): Promise<SavedDraft> {
  const recipients = parseRecipients(fields);
  const uploads = await useUploads(owner, fields.attachments ?? []);
  let handle;
  try {
    handle = await withAccount(context.account, "message", (accessToken) =>
      writeMessage(
        context,
        accessToken,
        {
          recipients,
          subject: fields.subject,
          userHtml: sanitizeComposerHtml(fields.html),
          quoteHtml: record.quoteHtml,
          inReplyTo: record.inReplyTo,
          references: record.references,
          uploads,
          from: fields.from,
        },
        (body) => updateDraft(accessToken, record.draftId, record.threadId, body),
      ),
    );
  } catch (error) {
    // Gone at Gmail (sent, or deleted elsewhere): Mailroom's record of it goes too.
    if (error instanceof AppError && error.code === "not_found") {
      await forgetDraft(record);
      throw draftNotFound();
    }
    await releaseClaim(record, token, basedOn);
    throw error;
  }
  await finishClaim(record, token, {
    version: handle.messageId,
    messageId: handle.messageId,
    writtenAt: new Date(),
    pendingSave: null,
    threadId: handle.threadId || record.threadId,
    attachments: JSON.stringify(uploads.map((upload) => upload.uploadId)),
  });
  noteMailboxChanged(context.account.id);
  return { ...handle, version: handle.messageId, attachments: uploads.map(uploadInfo) };
}

export async function updateDraftFor(
  context: SaveContext,
  draftId: string,
  fields: DraftFields & { version: string; final?: boolean | undefined },
  now = Date.now(),
): Promise<SavedDraft> {
  assertCanWrite(context);
  const owner = { userId: context.userId, accountId: context.account.id };
  const record = await findDraftRecord(owner, draftId);
  if (!record) throw draftNotFound();
  // Checked before the claim, so bad input never holds the draft.
  parseRecipients(fields);
  const uploads = await useUploads(owner, fields.attachments ?? []);
  const { version, final, ...latest } = fields;
  const token = await claimDraft(record, version);
  if (mayHold(record, uploads, final === true, now)) {
    const held = `held:${randomBytes(9).toString("base64url")}`;
    await finishClaim(record, token, { version: held, pendingSave: JSON.stringify(latest) });
    return {
      id: draftId,
      messageId: record.messageId ?? "",
      threadId: record.threadId ?? "",
      version: held,
      attachments: uploads.map(uploadInfo),
    };
  }
  return writeToGmail(context, owner, record, token, latest, version);
}

/** The fields of a save held back from Gmail, if any (what the composer must reopen with). */
export function heldSave(record: DraftRecord): DraftFields | null {
  if (!record.pendingSave) return null;
  try {
    return JSON.parse(record.pendingSave) as DraftFields;
  } catch {
    return null;
  }
}

/** Writes a held save to Gmail now (before a send). Nothing held: nothing to do. */
export async function flushHeldSave(context: SaveContext, record: DraftRecord): Promise<void> {
  const held = heldSave(record);
  if (!held) return;
  const token = await claimDraft(record, record.version);
  await writeToGmail(context, { userId: record.userId, accountId: record.accountId }, record, token, held, record.version);
}
