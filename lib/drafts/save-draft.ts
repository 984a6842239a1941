import "server-only";
// Saving a draft (POST creates it, PUT updates it): the person's fields checked and turned into an RFC 5322
// message (lib/compose), written to Gmail as the account's draft, and recorded with its version. A reply or
// forward reads its parent once, at the first save; later saves rebuild the same message from the record.
import type { Account } from "@/generated/prisma/client";
import { type ParsedRecipients, parseRecipients, type Recipient } from "../compose/addresses";
import { sanitizeComposerHtml } from "../compose/composer-html";
import { quotedOriginal } from "../compose/quote";
import type { QuoteWriter } from "../compose/quote-header";
import { type ReplyMode, correspondentsOf, derivedSubject, replyRecipients, threadingHeaders } from "../compose/reply-rules";
import { createDraft } from "../gmail/drafts";
import { ScopeRequiredError, grantsGmailModify } from "../gmail/actions/modify-scope";
import { withAccount } from "../gmail/mailbox-access";
import { noteMailboxChanged } from "../sync/page-cache-list";
import { type StoredUpload, type UploadInfo, useUploads } from "../uploads/upload-store";
import { recordDraft } from "./draft-records";
import { messageBodyFor } from "./message-body";
import { copyParentAttachments, fetchParent } from "./parent-message";
import { chooseSender, ownAddresses, sendAsOf } from "./sender";

export type DraftFields = {
  to: string[];
  cc?: string[] | undefined;
  bcc?: string[] | undefined;
  subject: string;
  html: string;
  from?: string | undefined;
  attachments?: string[] | undefined;
};

export type SaveContext = {
  userId: string;
  account: Account;
  returnTo?: string | null | undefined;
  /** Whose words a reply's quote header is written in (English, the Date header as it came, without it). */
  writer?: QuoteWriter | undefined;
};
export type SavedDraft = { id: string; messageId: string; threadId: string; version: string; attachments: UploadInfo[] };

export function assertCanWrite(context: SaveContext): void {
  // Asked before anything reaches Google: without gmail.modify every draft call would be refused.
  if (!grantsGmailModify(context.account.scope))
    throw new ScopeRequiredError({ account: context.account.email, returnTo: context.returnTo });
}

export const uploadInfo = ({ uploadId, filename, size, mimeType }: StoredUpload): UploadInfo => ({ uploadId, filename, size, mimeType });

export type Composition = {
  recipients: ParsedRecipients;
  subject: string;
  userHtml: string;
  quoteHtml: string | null;
  inReplyTo: string | null;
  references: string | null;
  uploads: StoredUpload[];
  from: string | undefined;
};

/** Builds the message from what is known and writes it with `write`. */
export async function writeMessage(
  context: SaveContext,
  accessToken: string,
  composition: Composition,
  write: (body: Awaited<ReturnType<typeof messageBodyFor>>["body"]) => Promise<{ id: string; messageId: string; threadId: string }>,
) {
  const sendAs = await sendAsOf(context.account, accessToken);
  const from: Recipient = chooseSender(context.account, sendAs, composition.from);
  const files = composition.uploads.filter((upload) => upload.contentId === null);
  const images = composition.uploads.filter((upload) => upload.contentId !== null);
  const { body, done } = await messageBodyFor(
    {
      from,
      ...composition.recipients,
      subject: composition.subject,
      html: composition.userHtml + (composition.quoteHtml ?? ""),
      inReplyTo: composition.inReplyTo ?? undefined,
      references: composition.references ?? undefined,
      attachments: files.map(({ filename, mimeType, path }) => ({ filename, mimeType, path })),
      inlineImages: images.map(({ filename, mimeType, path, contentId }) => ({ filename, mimeType, path, contentId: contentId! })),
    },
    composition.uploads.reduce((sum, upload) => sum + upload.size, 0),
  );
  try {
    return await write(body);
  } finally {
    await done();
  }
}

/** POST /api/drafts: a new Gmail draft; a reply or forward takes its thread, headers and quote from its parent. */
export async function createDraftFor(
  context: SaveContext,
  fields: DraftFields & { inReplyTo?: { messageId: string; mode: ReplyMode } | undefined },
): Promise<SavedDraft> {
  assertCanWrite(context);
  const owner = { userId: context.userId, accountId: context.account.id };
  let recipients = parseRecipients(fields);
  const ownUploads = await useUploads(owner, fields.attachments ?? []);
  const saved = await withAccount(context.account, "message", async (accessToken) => {
    let subject = fields.subject;
    let threadId: string | null = null;
    let threading: { inReplyTo: string; references: string } | null = null;
    let quoteHtml: string | null = null;
    let forwarded: StoredUpload[] = [];
    const reply = fields.inReplyTo;
    if (reply) {
      const parent = await fetchParent(accessToken, reply.messageId);
      threadId = parent.threadId || null;
      threading = threadingHeaders(parent.parent);
      quoteHtml = quotedOriginal(parent.parent, reply.mode, context.writer);
      if (subject.trim() === "") subject = derivedSubject(parent.parent.subject, reply.mode);
      // Recipients left empty are filled by the reply rules; what the person typed is kept as typed.
      if (reply.mode !== "forward" && recipients.to.length === 0 && recipients.cc.length === 0) {
        const own = ownAddresses(context.account, await sendAsOf(context.account, accessToken));
        recipients = { ...recipients, ...replyRecipients(correspondentsOf(parent.parent), reply.mode, own) };
      }
      if (reply.mode === "forward" && parent.attachments.length > 0) {
        const copies = await copyParentAttachments(accessToken, owner, parent);
        forwarded = await useUploads(
          owner,
          copies.map((copy) => copy.uploadId),
        );
      }
    }
    const uploads = [...ownUploads, ...forwarded];
    const handle = await writeMessage(
      context,
      accessToken,
      {
        recipients,
        subject,
        userHtml: sanitizeComposerHtml(fields.html),
        quoteHtml,
        inReplyTo: threading?.inReplyTo ?? null,
        references: threading?.references ?? null,
        uploads,
        from: fields.from,
      },
      (body) => createDraft(accessToken, threadId, body),
    );
    return { handle, uploads, threadId, threading, quoteHtml, mode: reply?.mode ?? null };
  });
  await recordDraft(owner, {
    draftId: saved.handle.id,
    version: saved.handle.messageId,
    threadId: saved.handle.threadId || saved.threadId,
    replyMode: saved.mode,
    inReplyTo: saved.threading?.inReplyTo ?? null,
    references: saved.threading?.references ?? null,
    quoteHtml: saved.quoteHtml,
    attachments: JSON.stringify(saved.uploads.map((upload) => upload.uploadId)),
    messageId: saved.handle.messageId,
    writtenAt: new Date(),
    pendingSave: null,
  });
  noteMailboxChanged(context.account.id);
  return { ...saved.handle, version: saved.handle.messageId, attachments: saved.uploads.map(uploadInfo) };
}
