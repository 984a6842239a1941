import "server-only";
// "An account was linked to your Mailroom": every session of the user other than the one that linked it sees
// a notice naming the account, when and from which browser, until it dismisses it. Someone who got hold of
// one session and linked their own Google account (a key to every mailbox of the user) cannot do it quietly.
// Each session keeps its own mark (Session.linkNoticeSeenAt): accounts linked after it, and after the session
// began, are announced.
import { getDb } from "../db";
import { hashSessionToken } from "../auth/hashed-sessions";
import { type Device, deviceOf } from "./device";
import { listLinkedAccounts } from "./linked-accounts";

/** `email` is null when Google never told us the address (the page names it "a Google account"). */
export type LinkedAccountNotice = { email: string | null; linkedAt: Date; device: Device };

/** The session holding this token has seen every link made until now (it made one, or dismissed the notice). */
export async function markLinkNoticeSeen(sessionToken: string | null): Promise<void> {
  if (!sessionToken) return;
  await getDb().session.updateMany({ where: { sessionToken: hashSessionToken(sessionToken) }, data: { linkNoticeSeenAt: new Date() } });
}

/** The user's accounts linked since this session began or last dismissed the notice, oldest first. */
export async function unseenLinkedAccounts(userId: string, sessionToken: string | null): Promise<LinkedAccountNotice[]> {
  if (!sessionToken) return [];
  const session = await getDb().session.findUnique({
    where: { sessionToken: hashSessionToken(sessionToken) },
    select: { userId: true, createdAt: true, linkNoticeSeenAt: true },
  });
  if (session?.userId !== userId) return [];
  const seenAt = session.linkNoticeSeenAt;
  const since = seenAt && seenAt > session.createdAt ? seenAt : session.createdAt;
  return (await listLinkedAccounts(userId))
    .filter((account) => account.createdAt > since)
    .toSorted((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((account) => ({
      email: account.email,
      linkedAt: account.createdAt,
      device: deviceOf(account.linkedFromUserAgent),
    }));
}
