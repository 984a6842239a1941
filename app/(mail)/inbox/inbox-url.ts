// Inbox URLs are shareable and carry everything needed to render them, including the tokens of the pages
// before this one, so "Newer" works from a pasted link and the browser's back and forward need no state.
import { DEFAULT_PAGE_SIZE, MAX_PAGE_HISTORY } from "@/lib/http/mail-query";

export type InboxLocation = {
  account?: string;
  label: string;
  q?: string;
  /** Conversations per page when not the default (Gmail lets people choose 25, 50 or 100). */
  pageSize?: number;
  pageToken?: string;
  prev: string[];
};

export function inboxHref({ account, label, q, pageSize, pageToken, prev }: InboxLocation): string {
  const params = new URLSearchParams();
  if (account) params.set("account", account);
  if (label !== "INBOX") params.set("label", label);
  if (q) params.set("q", q);
  if (pageSize && pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(pageSize));
  if (pageToken) params.set("pageToken", pageToken);
  if (pageToken && prev.length > 0) params.set("prev", prev.join(","));
  const query = params.toString();
  return query ? `/inbox?${query}` : "/inbox";
}

export function olderHref(here: InboxLocation, nextPageToken: string): string {
  const prev = here.pageToken ? [...here.prev, here.pageToken].slice(-MAX_PAGE_HISTORY) : [];
  return inboxHref({ ...here, pageToken: nextPageToken, prev });
}

/** The page before this one; the first page when the history is unknown (a pasted deep link). */
export function newerHref(here: InboxLocation): string | null {
  if (!here.pageToken) return null;
  return inboxHref({ ...here, pageToken: here.prev.at(-1), prev: here.prev.slice(0, -1) });
}

/** Where this page's first row stands among all of the view's, 1-based ("26–50 of about 200" on the second). */
export function firstIndexOf(here: InboxLocation): number {
  if (!here.pageToken) return 1;
  return (here.prev.length + 1) * (here.pageSize ?? DEFAULT_PAGE_SIZE) + 1;
}
