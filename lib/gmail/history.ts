import "server-only";
// Gmail's history in one place: history.list from a position (following its pages), what a position Gmail
// will not follow means, and the mailbox's current position. The page cache's revisits and the live feed
// both read history through it, so they cannot disagree on when to start over.
//
// Gmail answers 404 for a position older than the history it keeps ("typically at least a week", sometimes
// hours; "perform a full sync"), and 400 invalidArgument for one it refuses as invalid. Neither can ever be
// followed: both are "expired", and the caller starts over from the mailbox's current position.
import type { gmail_v1 } from "@googleapis/gmail";
import { gmailUsersFor } from "./gmail-client";
import { statusOf } from "./gmail-errors";

/** Gmail's largest history page (records, not messages): the fewest round trips for a run of changes. */
export const HISTORY_PAGE_SIZE = 500;

export type HistoryRead =
  /** Every record after the position, and the mailbox's position after them. */
  | { kind: "records"; records: gmail_v1.Schema$History[]; historyId: string }
  /** More pages than the caller allows: too many changes to apply. `historyId` is still the mailbox's current. */
  | { kind: "too_many"; historyId: string }
  /** Gmail will not follow the position (404 or 400): start over. */
  | { kind: "expired" };

/** history.list since `startHistoryId`, every history type, up to `maxPages` pages of records. */
export async function readHistory(accessToken: string, startHistoryId: string, options: { maxPages: number }): Promise<HistoryRead> {
  const users = gmailUsersFor(accessToken);
  const records: gmail_v1.Schema$History[] = [];
  // Gmail always reports the mailbox's position; should it not, the start is a position nothing was read past.
  let historyId = startHistoryId;
  let pageToken: string | undefined;
  for (let page = 1; ; page += 1) {
    let data: gmail_v1.Schema$ListHistoryResponse;
    try {
      ({ data } = await users.listHistory({
        userId: "me",
        startHistoryId,
        maxResults: HISTORY_PAGE_SIZE,
        ...(pageToken ? { pageToken } : {}),
      }));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 400) return { kind: "expired" };
      throw error;
    }
    records.push(...(data.history ?? []));
    if (data.historyId) historyId = data.historyId;
    pageToken = data.nextPageToken ?? undefined;
    if (!pageToken) return { kind: "records", records, historyId };
    if (page >= options.maxPages) return { kind: "too_many", historyId };
  }
}

/** The mailbox's current history position (users.getProfile): where to start from now. */
export async function currentHistoryId(accessToken: string): Promise<string> {
  const { data } = await gmailUsersFor(accessToken).getProfile({ userId: "me" });
  if (!data.historyId) throw new Error("Gmail's profile has no historyId");
  return data.historyId;
}
