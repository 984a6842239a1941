// Merging several accounts' listings into one page, newest first, without ever skipping or repeating a
// message (or a conversation: anything with an id and a date) across pages.
//
// Each account's messages are taken as a PREFIX of its own listing, in Gmail's order: a k-way merge that
// always takes the newest of the accounts' next messages. So whatever Gmail's order within an account,
// every listed message is shown exactly once over the pages, and the page is newest first whenever each
// account's listing is (Gmail lists newest first). What was shown is remembered by list position (a Gmail
// page token plus an offset into that page), never by date, so equal dates cannot make it skip or repeat.
//
// When one account's fetched messages run out while it has more, the page stops there: its next messages
// are unknown and might be newer than anything left from the others. The page is then shorter, never wrong.
import type { gmail_v1 } from "@googleapis/gmail";
import type { AccountCursor } from "./all-accounts-page-token";

/** What can be merged: Gmail's messages, or anything dated the same way (epoch ms as a string). */
export type Dated = { id?: string | null; internalDate?: string | null };

/** One account's answer for this page: the Gmail list page its cursor points into, and the messages found. */
export type AccountListing<T extends Dated = gmail_v1.Schema$Message> = {
  email: string;
  cursor: AccountCursor;
  /** Every id of the Gmail list page, from its first position (the cursor's offset counts from here). */
  listedIds: readonly string[];
  nextPageToken?: string;
  /** The messages fetched from position `cursor.offset` on; ids missing here were deleted since listed. */
  found: ReadonlyMap<string, T>;
};

export type MergedMessage<T extends Dated = gmail_v1.Schema$Message> = { email: string; message: T };

export type MergeResult<T extends Dated = gmail_v1.Schema$Message> = {
  messages: MergedMessage<T>[];
  /** Each listing's cursor after this page, in the listings' order. */
  cursors: AccountCursor[];
};

function internalDateOf(message: Dated): number {
  const value = Number(message.internalDate);
  return Number.isFinite(value) ? value : 0;
}

/** Newest first; equal dates by account, then by id (newer Gmail ids sort higher), so the order is total. */
function comesFirst(a: MergedMessage<Dated>, b: MergedMessage<Dated>): boolean {
  const byDate = internalDateOf(b.message) - internalDateOf(a.message);
  if (byDate !== 0) return byDate < 0;
  if (a.email !== b.email) return a.email < b.email;
  return (a.message.id ?? "") > (b.message.id ?? "");
}

export function mergeNewestFirst<T extends Dated>(listings: readonly AccountListing<T>[], pageSize: number): MergeResult<T> {
  const positions = listings.map((listing) => listing.cursor.offset);
  // Deleted messages need no place in the order: step over them wherever they are.
  const skipDeleted = (index: number) => {
    const listing = listings[index]!;
    while (positions[index]! < listing.listedIds.length && !listing.found.has(listing.listedIds[positions[index]!]!))
      positions[index]! += 1;
  };
  const head = (index: number): MergedMessage<T> | undefined => {
    const listing = listings[index]!;
    const id = listing.listedIds[positions[index]!];
    const message = id === undefined ? undefined : listing.found.get(id);
    return message ? { email: listing.email, message } : undefined;
  };
  const ranDryWithMore = (index: number) =>
    positions[index]! >= listings[index]!.listedIds.length && listings[index]!.nextPageToken !== undefined;

  const messages: MergedMessage<T>[] = [];
  while (messages.length < pageSize) {
    listings.forEach((_, index) => skipDeleted(index));
    if (listings.some((_, index) => ranDryWithMore(index))) break;
    let best: number | undefined;
    for (let index = 0; index < listings.length; index += 1) {
      const candidate = head(index);
      if (candidate && (best === undefined || comesFirst(candidate, head(best)!))) best = index;
    }
    if (best === undefined) break;
    messages.push(head(best)!);
    positions[best]! += 1;
  }
  listings.forEach((_, index) => skipDeleted(index));

  const cursors = listings.map((listing, index): AccountCursor => {
    if (positions[index]! < listing.listedIds.length) return { ...listing.cursor, offset: positions[index]! };
    if (listing.nextPageToken)
      return { accountId: listing.cursor.accountId, pageToken: listing.nextPageToken, offset: 0, exhausted: false };
    return { accountId: listing.cursor.accountId, offset: 0, exhausted: true };
  });
  return { messages, cursors };
}
