import "server-only";
// What Mailroom keeps of each Gmail draft it writes (the DraftRecord model), and the compare-and-set that
// stops two tabs, or two instances, from silently overwriting each other. A save first claims the record by
// swapping the version it was based on for a claim token, in one conditional update: exactly one of two
// concurrent saves wins it; the other is told `draft_conflict` with the current version. The winner writes
// to Gmail and then stores Gmail's new message id as the version. A claim that was never finished (the
// instance died mid-save) is taken over after CLAIM_STALE_MS.
import { randomBytes } from "node:crypto";
import type { DraftRecord } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError } from "../errors";

export type { DraftRecord };
export type DraftOwner = { userId: string; accountId: string };

const CLAIM_PREFIX = "claim:";
const CLAIM_STALE_MS = 2 * 60 * 1000;

export const draftNotFound = () =>
  new AppError("not_found", "This draft does not exist in this account (it may have been sent or deleted).");

export class DraftConflictError extends AppError {
  constructor(currentVersion: string) {
    super("draft_conflict", "This draft was changed in another window since you opened it. Reload it to see the latest text.", {
      details: { version: currentVersion },
    });
    this.name = "DraftConflictError";
  }
}

export function findDraftRecord(owner: DraftOwner, draftId: string): Promise<DraftRecord | null> {
  return getDb().draftRecord.findFirst({ where: { accountId: owner.accountId, userId: owner.userId, draftId } });
}

/** A record for a draft this account has at Gmail; another user's record of the same draft id is 404. */
export async function recordDraft(
  owner: DraftOwner,
  data: Omit<DraftRecord, "id" | "userId" | "accountId" | "createdAt" | "updatedAt">,
): Promise<DraftRecord> {
  return getDb().draftRecord.upsert({
    where: { accountId_draftId: { accountId: owner.accountId, draftId: data.draftId } },
    create: { ...owner, ...data },
    update: data,
  });
}

export const isClaim = (version: string) => version.startsWith(CLAIM_PREFIX);

/**
 * Claims the record for one save based on `version`; the claim token to finish or release with. A stale
 * claim (a save that never finished) counts as the version it replaced only through `staleVersion`.
 */
export async function claimDraft(record: DraftRecord, version: string, now = new Date()): Promise<string> {
  const token = `${CLAIM_PREFIX}${randomBytes(9).toString("base64url")}`;
  const db = getDb();
  const won = await db.draftRecord.updateMany({ where: { id: record.id, version }, data: { version: token } });
  if (won.count === 1) return token;
  const current = await db.draftRecord.findUnique({ where: { id: record.id } });
  if (!current) throw draftNotFound();
  // A save that died after claiming: take over once it is clearly abandoned.
  if (isClaim(current.version) && now.getTime() - current.updatedAt.getTime() > CLAIM_STALE_MS) {
    const takeover = await db.draftRecord.updateMany({ where: { id: record.id, version: current.version }, data: { version: token } });
    if (takeover.count === 1) return token;
  }
  throw new DraftConflictError(current.version);
}

/** Ends a claimed save with what it wrote. */
export async function finishClaim(record: DraftRecord, token: string, data: Partial<DraftRecord> & { version: string }): Promise<void> {
  await getDb().draftRecord.updateMany({ where: { id: record.id, version: token }, data });
}

/** A save that failed before Gmail changed anything gives the version back. */
export async function releaseClaim(record: DraftRecord, token: string, version: string): Promise<void> {
  await getDb().draftRecord.updateMany({ where: { id: record.id, version: token }, data: { version } });
}

export async function forgetDraft(record: DraftRecord): Promise<void> {
  await getDb().draftRecord.deleteMany({ where: { id: record.id } });
}

export const attachmentIdsOf = (record: Pick<DraftRecord, "attachments">): string[] => {
  try {
    const ids = JSON.parse(record.attachments) as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
};
