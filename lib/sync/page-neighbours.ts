import "server-only";
// Previous and Next in an open conversation: its neighbours in the list the reader came from, read from the
// page this instance cached when it showed that list (page-cache.ts). Never a request to Gmail: a list that is
// not cached here (another instance served it, it was evicted, it is All accounts) offers no Previous/Next,
// rather than making every conversation cost a second round trip.
import { DEFAULT_PAGE_SIZE, inboxPageQuerySchema } from "../http/mail-query";
import { type PageCache, pageCacheKey } from "./page-cache";
import { defaultPageCache } from "./page-cache-list";

export type Neighbours = {
  /** The conversation above this one in the list (newer), if the page holds one. */
  previous?: string;
  /** The conversation below (older). */
  next?: string;
  /** 1-based place in the page, and the page's length: "3 of 25". */
  position: number;
  total: number;
};

type Options = {
  userId: string;
  /** The Google account the conversation was read from, and its address. */
  accountId: string;
  email: string;
  threadId: string;
  /** The inbox URL the reader came from (already checked to be one of ours). */
  back: string;
};

function paramsOf(search: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    record[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return record;
}

export function cachedNeighbours(options: Options, cache: PageCache = defaultPageCache()): Neighbours | null {
  const parsed = inboxPageQuerySchema.safeParse(paramsOf(new URL(options.back, "http://mailroom.invalid").searchParams));
  if (!parsed.success) return null;
  const { account, label, q, pageToken, pageSize } = parsed.data;
  // The list was another account's (or every account's): its rows are not this conversation's neighbours.
  if (account !== undefined && account.toLowerCase() !== options.email.toLowerCase()) return null;
  const key = pageCacheKey(options.userId, options.accountId, {
    label: label ?? "INBOX",
    q: q || undefined,
    pageToken: pageToken || undefined,
    pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
  });
  const cached = cache.get(key);
  if (!cached || cached.userId !== options.userId || cached.accountId !== options.accountId) return null;
  const threads = cached.page.threads;
  const index = threads.findIndex((thread) => thread.id === options.threadId);
  if (index === -1) return null;
  const previous = threads[index - 1]?.id;
  const next = threads[index + 1]?.id;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}), position: index + 1, total: threads.length };
}
