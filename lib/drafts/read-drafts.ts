import "server-only";
// Reading and deleting drafts: the Drafts list, one draft to reopen in the composer, its deletion, and the
// check the send job runs first. A draft id is looked up in the signed-in user's own account only: another
// account's or user's draft is 404, whatever Gmail would say. A draft written elsewhere (Gmail's own apps) is
// taken in at its first opening: recorded with its version, its attachments copied into the upload store.
import type { Account } from "@/generated/prisma/client";
import { formatRecipient } from "../compose/addresses";
import { batchGetMessages } from "../gmail/batch-get-messages";
import { deleteDraft, getDraft, listDrafts } from "../gmail/drafts";
import { statusOf } from "../gmail/gmail-errors";
import { withAccount } from "../gmail/mailbox-access";
import { parseMailboxList } from "../mime/mailbox-address";
import { decodeEncodedWords, headerValue } from "../mime/message-headers";
import { noteMailboxChanged } from "../sync/page-cache-list";
import { type UploadInfo, useUploads } from "../uploads/upload-store";
import { type DraftRecord, attachmentIdsOf, draftNotFound, findDraftRecord, forgetDraft, isClaim, recordDraft } from "./draft-records";
import { copyParentAttachments, readMessage } from "./parent-message";
import { flushHeldSave, heldSave } from "./update-draft";
import { getDb } from "../db";

export type DraftSummary = {
  id: string;
  messageId: string;
  threadId: string;
  to: string[];
  subject: string;
  snippet: string;
  updated: string | null;
};
export type DraftDetail = DraftSummary & {
  account: string;
  html: string;
  cc: string[];
  bcc: string[];
  from: string;
  attachments: UploadInfo[];
  version: string;
};

const LIST_HEADERS = ["To", "Subject"] as const;

const addressList = (header: string | null) =>
  parseMailboxList(header).flatMap((mailbox) =>
    mailbox.email ? [formatRecipient({ name: mailbox.name ?? "", address: mailbox.email })] : [],
  );

const isoDate = (internalDate: string | null | undefined) => (internalDate ? new Date(Number(internalDate)).toISOString() : null);

/** GET /api/drafts: the account's drafts, newest first (one drafts.list, one batch of metadata). */
export async function listDraftSummaries(account: Account): Promise<DraftSummary[]> {
  return withAccount(account, "message", async (accessToken) => {
    const handles = await listDrafts(accessToken);
    if (handles.length === 0) return [];
    const { found } = await batchGetMessages(
      accessToken,
      handles.map((handle) => handle.messageId),
      { format: "metadata", metadataHeaders: LIST_HEADERS },
    );
    const byMessage = new Map(found.map((message) => [message.id, message]));
    return handles.flatMap((handle) => {
      const message = byMessage.get(handle.messageId);
      if (!message) return [];
      const headers = message.payload?.headers;
      return [
        {
          ...handle,
          to: addressList(headerValue(headers, "To")),
          subject: decodeEncodedWords(headerValue(headers, "Subject") ?? ""),
          snippet: message.snippet ?? "",
          updated: isoDate(message.internalDate),
        },
      ];
    });
  });
}

/** The user's part of a saved body: the quoted original Mailroom appends at each save taken off again. */
function withoutQuote(html: string, quoteHtml: string | null): string {
  if (!quoteHtml) return html;
  const body = html.replace(/\r\n/g, "\n");
  const quote = quoteHtml.replace(/\r\n/g, "\n");
  return body.endsWith(quote) ? body.slice(0, body.length - quote.length) : body;
}

const isGmailNotFound = (error: unknown) => statusOf(error) === 404 || statusOf(error) === 400;

/** GET /api/drafts/{id}: everything the composer needs to reopen the draft. */
export async function getDraftDetail(options: { userId: string; account: Account; draftId: string }): Promise<DraftDetail> {
  const owner = { userId: options.userId, accountId: options.account.id };
  let record: DraftRecord | null = await findDraftRecord(owner, options.draftId);
  return withAccount(options.account, "message", async (accessToken) => {
    const draft = await getDraft(accessToken, options.draftId).catch((error: unknown) => {
      if (isGmailNotFound(error)) throw draftNotFound();
      throw error;
    });
    const message = draft.message ?? {};
    const read = await readMessage(accessToken, message);
    const headers = message.payload?.headers;
    if (!record) {
      // Written elsewhere: from now on Mailroom keeps its version and its files like its own drafts'.
      const copies = await copyParentAttachments(accessToken, owner, read);
      record = await recordDraft(owner, {
        draftId: options.draftId,
        version: message.id ?? "",
        threadId: message.threadId ?? null,
        replyMode: null,
        inReplyTo: headerValue(headers, "In-Reply-To"),
        references: headerValue(headers, "References"),
        quoteHtml: null,
        attachments: JSON.stringify(copies.map((copy) => copy.uploadId)),
        messageId: message.id ?? null,
        writtenAt: null,
        pendingSave: null,
      });
    }
    let attachments = await useUploads(owner, attachmentIdsOf(record)).catch(() => null);
    if (attachments === null) {
      // Its files were swept (a draft left for weeks): Gmail's copy of the draft still has them.
      const copies = await copyParentAttachments(accessToken, owner, read);
      attachments = await useUploads(
        owner,
        copies.map((copy) => copy.uploadId),
      );
      const ids = JSON.stringify(attachments.map((upload) => upload.uploadId));
      await getDb().draftRecord.updateMany({ where: { id: record.id }, data: { attachments: ids } });
    }
    const detail: DraftDetail = {
      id: options.draftId,
      account: options.account.email ?? "",
      messageId: message.id ?? "",
      threadId: message.threadId ?? "",
      to: addressList(read.parent.to),
      cc: addressList(read.parent.cc),
      bcc: addressList(headerValue(headers, "Bcc") === null ? null : decodeEncodedWords(headerValue(headers, "Bcc")!)),
      from: read.parent.from ?? "",
      subject: read.parent.subject ?? "",
      snippet: message.snippet ?? "",
      updated: isoDate(message.internalDate),
      html: withoutQuote(read.parent.html ?? "", record.quoteHtml),
      attachments: attachments.map(({ uploadId, filename, size, mimeType }) => ({ uploadId, filename, size, mimeType })),
      // A save under way elsewhere holds a claim: the version Gmail has is the one to build on.
      version: isClaim(record.version) ? (message.id ?? "") : record.version,
    };
    // A save held back from Gmail (a large draft, see update-draft.ts) is the latest text.
    const held = heldSave(record);
    return held
      ? {
          ...detail,
          to: held.to,
          cc: held.cc ?? [],
          bcc: held.bcc ?? [],
          subject: held.subject,
          html: held.html,
          from: held.from ?? detail.from,
        }
      : detail;
  });
}

/** DELETE /api/drafts/{id}: gone from Gmail (for good, as Gmail deletes drafts) and from Mailroom's records. */
export async function deleteDraftFor(options: { userId: string; account: Account; draftId: string }): Promise<{ deleted: true }> {
  const record = await findDraftRecord({ userId: options.userId, accountId: options.account.id }, options.draftId);
  await withAccount(options.account, "message", (accessToken) =>
    deleteDraft(accessToken, options.draftId).catch((error: unknown) => {
      if (isGmailNotFound(error)) throw draftNotFound();
      throw error;
    }),
  ).finally(() => (record ? forgetDraft(record) : undefined));
  noteMailboxChanged(options.account.id);
  return { deleted: true };
}

/** What the send job checks before it schedules: the draft exists in this account, its subject and recipients. */
export async function getDraftForSend(options: { account: Account; draftId: string }): Promise<{
  draftId: string;
  messageId: string;
  threadId: string;
  subject: string;
  recipients: number;
}> {
  // What is sent is what Gmail has: a save held back from it goes there first.
  const record = await getDb().draftRecord.findFirst({ where: { accountId: options.account.id, draftId: options.draftId } });
  if (record) await flushHeldSave({ userId: record.userId, account: options.account }, record);
  return withAccount(options.account, "message", async (accessToken) => {
    const draft = await getDraft(accessToken, options.draftId).catch((error: unknown) => {
      if (isGmailNotFound(error)) throw draftNotFound();
      throw error;
    });
    const headers = draft.message?.payload?.headers;
    const count = ["To", "Cc", "Bcc"].reduce(
      (sum, name) => sum + parseMailboxList(headerValue(headers, name)).filter((m) => m.email).length,
      0,
    );
    return {
      draftId: options.draftId,
      messageId: draft.message?.id ?? "",
      threadId: draft.message?.threadId ?? "",
      subject: decodeEncodedWords(headerValue(headers, "Subject") ?? ""),
      recipients: count,
    };
  });
}
