import "server-only";
// listThreads with revisits: the page of conversations the inbox and /api/threads show, remembered per user,
// account and request, so that coming back to it costs one Gmail round trip instead of two.
//
// - First visit (or nothing cached): the cold page, one threads.list + one batch (two round trips).
// - Revisit: history.list since the page's history id. No change that concerns the page: the cached page
//   (one round trip). Changes: the conversations concerned, fetched again in one batch and applied (two).
//   Anything that cannot be applied exactly (a search, a later page that may have shifted, an uncertain
//   order, too many changes), or history Gmail no longer has (404): the cold page, which refreshes the entry.
//
// Every use asks Gmail something with the account's current access token, so a cached page is never shown
// to a user whose access to the mailbox has ended; an account that needs re-authorization, or whose tokens
// were forgotten, also loses its cached pages.
import type { Account } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { AppError, ReauthRequiredError } from "../errors";
import { assertKnownLabel } from "../mail/assert-known-label";
import type { ListThreadsOptions } from "../mail/list-threads";
import { currentHistoryId, readHistory } from "../gmail/history";
import { withAccount } from "../gmail/mailbox-access";
import type { ThreadPage } from "../mail/thread-summary";
import { metrics } from "../metrics/registry";
import { type CachedPage, PageCache, pageCacheKey } from "./page-cache";
import { fetchPageCold, maxHistoryId, refetchThreads, summarizeForView } from "./page-cache-fetch";
import { applyRefetched } from "./revisit-apply";
import type { PageView } from "./revisit-order";
import { type ColdReason, planRevisit } from "./revisit-plan";

let processCache: PageCache | undefined;

/** This instance's page cache (one per process, bounded by PAGE_CACHE_MB; see page-cache.ts). */
export function defaultPageCache(): PageCache {
  processCache ??= new PageCache(getConfig().pageCacheBytes);
  return processCache;
}

/**
 * Call after Mailroom changed a mailbox itself (POST /api/actions): a page load already on its way for that
 * account is not shared with requests that come after the change.
 */
export function noteMailboxChanged(accountId: string): void {
  processCache?.mailboxChanged(accountId);
}

/**
 * Drops an account's pages now (Disconnect, a security event that forgets its tokens). Without this call they
 * go on that account's next page load, which reads the account's state anyway, or by eviction; either way a
 * page is never shown without Gmail answering with the account's current token first.
 */
export function forgetAccountPages(accountId: string): void {
  processCache?.dropAccount(accountId);
}

/** An account Mailroom can no longer read: marked for re-authorization, or its tokens forgotten. */
function cannotRead(account: Account): boolean {
  return account.reauthReason !== null || (!account.refresh_token && !account.access_token);
}

/**
 * A page and the mailbox position it is current as of: every change after `historyId` is one the page does
 * not show yet, so the page's live stream starts there (GET /api/events?since=) and misses nothing that
 * arrived between the render and the stream opening.
 */
export type PositionedPage = { page: ThreadPage; historyId: string };

/** Same options and result as listThreads; `cache` is for tests and the bench. */
export async function listThreadsCached(options: ListThreadsOptions, cache: PageCache = defaultPageCache()): Promise<ThreadPage> {
  return (await listThreadsPositioned(options, cache)).page;
}

/** listThreadsCached, with the page's position for its live stream. */
export async function listThreadsPositioned(options: ListThreadsOptions, cache: PageCache = defaultPageCache()): Promise<PositionedPage> {
  const { account } = options;
  const userId = account.userId;
  // The row the page load just read says whether the account is still usable: no extra query.
  if (cannotRead(account)) cache.dropAccount(account.id);
  const view: PageView = {
    label: options.label,
    q: options.q || undefined,
    pageToken: options.pageToken || undefined,
    pageSize: options.pageSize,
  };
  const key = pageCacheKey(userId, account.id, view);
  try {
    const page = await cache.shared(key, account.id, () =>
      loadPage({ cache, key, userId, account, view, label: () => assertKnownLabel(account, view.label) }),
    );
    // Each caller gets its own copy: the cached one is shared with later requests.
    return { page: structuredClone(page.page), historyId: page.historyId };
  } catch (error) {
    if (error instanceof ReauthRequiredError) cache.dropAccount(account.id);
    throw error;
  }
}

type Load = { cache: PageCache; key: string; userId: string; account: Account; view: PageView; label: () => Promise<void> };

async function loadPage({ cache, key, userId, account, view, label }: Load): Promise<PositionedPage> {
  const found = cache.get(key);
  // The key names both already; checked again so that no bug elsewhere can show one user another's page.
  const cached = found?.userId === userId && found.accountId === account.id ? found : undefined;
  if (!cached) {
    await label();
    return withAccount(account, "page", (accessToken) => coldPage(accessToken, "miss"));
  }

  async function coldPage(accessToken: string, reason: ColdReason, floor?: string): Promise<PositionedPage> {
    // Read before the list is sent: any history id Gmail reported before then is a safe starting point.
    let { page, historyId } = await fetchPageCold(accessToken, view, maxHistoryId([floor, cache.historyFloor(account.id)]));
    if (!historyId) {
      // An empty page, and no position known from before the list: the mailbox's current one, read now, is
      // only safe for a list sent after it (mail may have arrived in between), so the list is asked again.
      // Only an empty label's first visit on this instance pays for it; the position is remembered after.
      const current = await currentHistoryId(accessToken);
      cache.noteHistoryId(account.id, current);
      ({ page, historyId } = await fetchPageCold(accessToken, view, current));
    }
    // Counted once answered (a rejected token runs this work again).
    cache.countMiss(reason);
    metrics().pageCache.inc({ result: reason === "history_expired" ? "expired" : "miss" });
    // Gmail always reports a profile's history id; without one there is nothing to revisit or stream from.
    if (!historyId)
      throw new AppError("upstream_unavailable", "Gmail did not say where the mailbox stands. Please try again.", { status: 502 });
    cache.set(key, { userId, accountId: account.id, ...page, historyId });
    return { page: page.page, historyId };
  }

  return withAccount(account, "page", async (accessToken) => {
    // One page of history: more is "too many changes", and the cold page is as cheap.
    const history = await readHistory(accessToken, cached.historyId, { maxPages: 1 });
    if (history.kind === "expired") {
      // Without a newer starting point than the one Gmail just refused, the page fetched now would start
      // from an equally old id (its conversations' own) and fail again on every revisit: ask Gmail for the
      // mailbox's current id first, once.
      const known = cache.historyFloor(account.id);
      if (known === undefined || BigInt(known) <= BigInt(cached.historyId)) {
        cache.noteHistoryId(account.id, await currentHistoryId(accessToken));
      }
      return coldPage(accessToken, "history_expired");
    }
    cache.noteHistoryId(account.id, history.historyId);
    if (history.kind === "too_many") return coldPage(accessToken, "too_many_changes", history.historyId);
    const plan = planRevisit(view, new Set(cached.page.threads.map((thread) => thread.id)), history.records);
    if (plan.kind === "cold") return coldPage(accessToken, plan.reason, history.historyId);

    const current: CachedPage = { ...cached, historyId: history.historyId };
    if (plan.threadIds.length === 0) {
      cache.set(key, current);
      cache.countHit(false);
      metrics().pageCache.inc({ result: "hit" });
      return { page: current.page, historyId: current.historyId };
    }
    const applied = applyRefetched(cached, view, await refetchThreads(accessToken, plan.threadIds), summarizeForView);
    if (applied.kind === "cold") return coldPage(accessToken, applied.reason, history.historyId);
    cache.set(key, { ...current, ...applied.page });
    cache.countHit(true);
    metrics().pageCache.inc({ result: "hit" });
    return { page: applied.page.page, historyId: current.historyId };
  });
}
