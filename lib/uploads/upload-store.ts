import "server-only";
// The upload store: a person's attachments, kept until the draft that lists them no longer needs them. Each
// upload belongs to one user and one of their accounts; nothing else may read or attach it. A draft lists its
// uploads by id at each save (removing one is not listing it), which keeps them alive; uploads no save has
// listed for a week are deleted with their files.
import type { Readable } from "node:stream";
import { getDb } from "../db";
import { AppError } from "../errors";
import { logError } from "../log";
import { newUploadId } from "./upload-ids";
import { deleteOrphanFiles, deleteUploadFile, uploadPath, writeUploadFile } from "./upload-files";
import { MAX_ATTACHMENT_BYTES, attachmentTooLarge } from "./upload-limits";

export type UploadOwner = { userId: string; accountId: string };
export type UploadInfo = { uploadId: string; filename: string; size: number; mimeType: string };
export type StoredUpload = UploadInfo & { path: string; contentId: string | null };

const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;
const SWEEP_EVERY_MS = 3600 * 1000;
let lastSweep = 0;

/**
 * Keeps `body` as a new upload of `owner`. Refused with 413 before anything is kept when `declaredSize`
 * (Content-Length) or the bytes actually read pass Gmail's limit.
 */
export async function saveUpload(
  owner: UploadOwner,
  file: { filename: string; mimeType: string; body: Readable; declaredSize?: number | undefined; contentId?: string | undefined },
): Promise<UploadInfo> {
  if (file.declaredSize !== undefined && file.declaredSize > MAX_ATTACHMENT_BYTES) {
    file.body.destroy();
    throw attachmentTooLarge(file.declaredSize);
  }
  sweepStaleUploads().catch((error: unknown) => logError("uploads.sweep_failed", error));
  const id = newUploadId();
  const size = await writeUploadFile(id, file.body, MAX_ATTACHMENT_BYTES);
  try {
    await getDb().upload.create({
      data: { id, ...owner, filename: file.filename, mimeType: file.mimeType, size, contentId: file.contentId ?? null },
    });
  } catch (error) {
    await deleteUploadFile(id);
    throw error;
  }
  return { uploadId: id, filename: file.filename, size, mimeType: file.mimeType };
}

/**
 * The owner's uploads by id, in the order asked, each marked as used now. Any id that is not the owner's
 * (another user's, another account's, deleted) is 400 naming it; more than Gmail's limit together is 413.
 */
export async function useUploads(owner: UploadOwner, ids: readonly string[]): Promise<StoredUpload[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await getDb().upload.findMany({ where: { id: { in: unique }, userId: owner.userId, accountId: owner.accountId } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new AppError("bad_request", `These attachments are not available (upload them again): ${missing.join(", ")}`, {
      details: { unknownAttachments: missing },
    });
  }
  const total = rows.reduce((sum, row) => sum + row.size, 0);
  if (total > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(total);
  await getDb().upload.updateMany({ where: { id: { in: unique } }, data: { lastUsedAt: new Date() } });
  return unique.map((id) => {
    const row = byId.get(id)!;
    return {
      uploadId: row.id,
      filename: row.filename,
      size: row.size,
      mimeType: row.mimeType,
      path: uploadPath(row.id),
      contentId: row.contentId,
    };
  });
}

/** Deletes uploads no save has listed for a week, and files a crash left behind; at most hourly per instance. */
export async function sweepStaleUploads(now = Date.now(), force = false): Promise<void> {
  if (!force && now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  const db = getDb();
  const before = new Date(now - STALE_AFTER_MS);
  const stale = await db.upload.findMany({ where: { lastUsedAt: { lt: before } }, select: { id: true }, take: 1000 });
  await db.upload.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
  await Promise.all(stale.map((row) => deleteUploadFile(row.id)));
  // A file may be newer than its row (written, row not yet created): only files an hour old are orphans.
  await deleteOrphanFiles(new Date(now - SWEEP_EVERY_MS), async (ids) => {
    const rows = await db.upload.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  });
}
