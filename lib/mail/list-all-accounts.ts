import "server-only";
// The "All accounts" view: the messages (or conversations) of every Google account linked to the user, merged
// newest first. Per page, each account costs one list and one batch of metadata gets; every account's list goes
// out at once, then every account's batch: two sequential Gmail round trips in all, however many accounts. How the listings are
// merged (and why paging never skips or repeats) is list-all-accounts-merge's job; where each account
// stands travels in a signed page token (all-accounts-page-token).
//
// One account failing (revoked, Gmail down for it) does not break the view: the page shows the others and
// names the failed account in `accountErrors`. Its place in the listing is kept, so when it works again
// the following pages carry on from where it stood. Only when every account asked failed does the page
// fail, with the first account's error, as the single-account inbox would.
import type { gmail_v1 } from "@googleapis/gmail";
import type { Account } from "@/generated/prisma/client";
import { getDb } from "../db";
import { AppError, type AppErrorCode, ReauthRequiredError } from "../errors";
import { withGoogleAccess } from "../tokens/google-access";
import { GOOGLE_PROVIDER } from "../tokens/token-store";
import {
  type AccountCursor,
  MAX_GMAIL_LIST_PAGE,
  type PageTokenScope,
  decodeAllAccountsPageToken,
  encodeAllAccountsPageToken,
} from "./all-accounts-page-token";
import { batchGetMessages } from "../gmail/batch-get-messages";
import { gmailUsersFor } from "../gmail/gmail-client";
import { isUnauthorized, toAppError } from "../gmail/gmail-errors";
import { type AccountListing, type Dated, type MergedMessage, mergeNewestFirst } from "./list-all-accounts-merge";
import { SUMMARY_METADATA } from "../gmail/summary-headers";
import { type MessageSummary, summarizeMessage } from "../mime/message-headers";

export type AllAccountsMessage = MessageSummary & {
  /** The linked Google account this message belongs to. */
  account: string;
};

export type AccountError = { email: string; code: AppErrorCode; message: string; reason?: string };

export type AllAccountsPage = {
  messages: AllAccountsMessage[];
  nextPageToken?: string;
  resultSizeEstimate: number;
  /** The accounts that could not be read for this page; the others are shown. */
  accountErrors: AccountError[];
};

export type ListAllAccountsOptions = {
  userId: string;
  /** A system label id, or "ALL". User labels belong to one account and mean nothing in the others. */
  label: string;
  q?: string;
  pageToken?: string;
  pageSize: number;
};

/**
 * What one Gmail list call answered: ids in Gmail's order (newest first), where the next page starts, and
 * (threads) the largest history id listed: the mailbox position the account's part of the page is current as of.
 */
export type ListedIds = { ids: string[]; nextPageToken?: string; resultSizeEstimate: number; historyId?: string };

export type ListRequest = { maxResults: number; labelIds?: string[]; q?: string; pageToken?: string };

/** What the view lists, per account: one list call, then one batch for the ids listed. */
export type AllAccountsSource<T extends Dated> = {
  kind: "messages" | "threads";
  list: (accessToken: string, request: ListRequest) => Promise<ListedIds>;
  /** The items found, in any order; ids deleted since listed are left out. */
  fetch: (accessToken: string, ids: readonly string[]) => Promise<T[]>;
  /** The mailbox's current history id, asked alongside the batch for an account whose list had none. */
  position?: (accessToken: string) => Promise<string | undefined>;
};

/** Where each account's part of a page stands in its mailbox: its live stream starts there. */
export type AccountPosition = { email: string; historyId: string };

export type MergedPage<T extends Dated> = {
  items: MergedMessage<T>[];
  nextPageToken?: string;
  resultSizeEstimate: number;
  accountErrors: AccountError[];
  positions: AccountPosition[];
};

type Listed = {
  account: Account;
  cursor: AccountCursor;
  listedIds: string[];
  nextPageToken?: string;
  resultSizeEstimate: number;
  historyId?: string;
};
type Failed = { account: Account; error: AppError };

function emailOf(account: Account): string {
  // Rows linked before the address was stored have none until their next sign-in.
  return account.email ?? `Google account ${account.providerAccountId}`;
}

function linkedAccounts(userId: string): Promise<Account[]> {
  return getDb().account.findMany({ where: { userId, provider: GOOGLE_PROVIDER }, orderBy: [{ email: "asc" }, { id: "asc" }] });
}

/**
 * Where each linked account stands: from the token, or at its first page. An account the token names but
 * the user no longer has is dropped; one linked since the token was made starts at its newest message.
 */
function cursorsFor(accounts: readonly Account[], scope: PageTokenScope, pageToken: string | undefined): Map<string, AccountCursor> {
  const fromToken = new Map((pageToken ? decodeAllAccountsPageToken(scope, pageToken) : []).map((cursor) => [cursor.accountId, cursor]));
  return new Map(
    accounts.map((account) => [account.id, fromToken.get(account.id) ?? { accountId: account.id, offset: 0, exhausted: false }]),
  );
}

/** Runs one account's Gmail call; its failure becomes that account's error, not the page's. */
async function onAccount<T>(account: Account, call: (accessToken: string) => Promise<T>): Promise<T | Failed> {
  try {
    return await withGoogleAccess(account, call, isUnauthorized);
  } catch (error) {
    return { account, error: toAppError(error, "page") };
  }
}

function isFailed(outcome: object): outcome is Failed {
  return "error" in outcome;
}

/** The accounts that answered, and those that failed. */
function sortOutcomes<T extends object>(outcomes: readonly (T | Failed)[]): { ok: T[]; failed: Failed[] } {
  return { ok: outcomes.filter((outcome): outcome is T => !isFailed(outcome)), failed: outcomes.filter(isFailed) };
}

/** Round trip 1 for one account: its list page, from where its cursor stands. */
function listAccount<T extends Dated>(
  account: Account,
  cursor: AccountCursor,
  options: ListAllAccountsOptions,
  source: AllAccountsSource<T>,
): Promise<Listed | Failed> {
  return onAccount(account, async (accessToken) => {
    const listed = await source.list(accessToken, {
      // The same Gmail page again (its token is a position), long enough for a whole page after the offset.
      maxResults: Math.min(MAX_GMAIL_LIST_PAGE, cursor.offset + options.pageSize),
      ...(options.label === "ALL" ? {} : { labelIds: [options.label] }),
      ...(options.q ? { q: options.q } : {}),
      ...(cursor.pageToken ? { pageToken: cursor.pageToken } : {}),
    });
    return {
      account,
      cursor,
      listedIds: listed.ids,
      ...(listed.nextPageToken ? { nextPageToken: listed.nextPageToken } : {}),
      resultSizeEstimate: listed.resultSizeEstimate,
      ...(listed.historyId ? { historyId: listed.historyId } : {}),
    };
  });
}

/** Round trip 2 for one account: one batch of metadata gets for what it listed and has not shown yet. */
function fetchAccountItems<T extends Dated>(
  listed: Listed,
  source: AllAccountsSource<T>,
  positioned: boolean,
): Promise<(AccountListing<T> & { resultSizeEstimate: number; historyId: string | undefined }) | Failed> {
  return onAccount(listed.account, async (accessToken) => {
    // An account that listed nothing has no position of its own: the mailbox's, read in the same round trip
    // (a message landing between its list and this read waits for the account's next change).
    const [found, historyId] = await Promise.all([
      source.fetch(accessToken, listed.listedIds.slice(listed.cursor.offset)),
      positioned ? (listed.historyId ?? source.position?.(accessToken)) : undefined,
    ]);
    return {
      email: emailOf(listed.account),
      cursor: listed.cursor,
      listedIds: listed.listedIds,
      ...(listed.nextPageToken ? { nextPageToken: listed.nextPageToken } : {}),
      found: new Map(found.flatMap((item) => (item.id ? [[item.id, item] as const] : []))),
      resultSizeEstimate: listed.resultSizeEstimate,
      historyId,
    };
  });
}

function describeFailure(account: Account, error: AppError): AccountError {
  return {
    email: emailOf(account),
    code: error.code,
    message: error.message,
    ...(error instanceof ReauthRequiredError ? { reason: error.reason } : {}),
  };
}

/** One merged page of what `source` lists, across every linked account (the views below are built on it). */
export async function listAllAccounts<T extends Dated>(
  options: ListAllAccountsOptions,
  source: AllAccountsSource<T>,
): Promise<MergedPage<T>> {
  if (options.label.startsWith("Label_")) {
    throw new AppError("bad_request", "Invalid request: a label of one account cannot be shown across all accounts.");
  }
  const scope: PageTokenScope = {
    userId: options.userId,
    label: options.label,
    ...(options.q ? { q: options.q } : {}),
    ...(source.kind === "threads" ? { kind: "threads" as const } : {}),
  };
  const accounts = await linkedAccounts(options.userId);
  if (accounts.length === 0) throw new AppError("unauthenticated", "Your Google account is no longer linked. Please sign in again.");
  const cursors = cursorsFor(accounts, scope, options.pageToken);

  // All lists at once, then all batches at once: two sequential round trips, whatever the number of accounts.
  const active = accounts.filter((account) => !cursors.get(account.id)!.exhausted);
  const lists = sortOutcomes(await Promise.all(active.map((account) => listAccount(account, cursors.get(account.id)!, options, source))));
  // Only the first page takes new mail in, so only it needs a position: a later page's conversations are
  // older, and a stream started from their history ids would replay days of changes for nothing.
  const positioned = !options.pageToken;
  const fetched = sortOutcomes(await Promise.all(lists.ok.map((listed) => fetchAccountItems(listed, source, positioned))));
  const answered = fetched.ok;
  const failed = [...lists.failed, ...fetched.failed];
  if (failed.length > 0 && answered.length === 0) throw failed[0]!.error;

  const merged = mergeNewestFirst(answered, options.pageSize);
  // Failed and used-up accounts keep their place; the answered ones move on.
  for (const cursor of merged.cursors) cursors.set(cursor.accountId, cursor);
  const more = merged.cursors.some((cursor) => !cursor.exhausted);

  return {
    items: merged.messages,
    ...(more ? { nextPageToken: encodeAllAccountsPageToken(scope, [...cursors.values()]) } : {}),
    resultSizeEstimate: answered.reduce((sum, outcome) => sum + outcome.resultSizeEstimate, 0),
    accountErrors: failed.map((outcome) => describeFailure(outcome.account, outcome.error)),
    positions: answered.flatMap(({ email, historyId }) => (historyId ? [{ email, historyId }] : [])),
  };
}

const messagesSource: AllAccountsSource<gmail_v1.Schema$Message> = {
  kind: "messages",
  async list(accessToken, request) {
    const { data } = await gmailUsersFor(accessToken).listMessages({ userId: "me", ...request });
    return {
      ids: (data.messages ?? []).map((message) => message.id).filter((id): id is string => Boolean(id)),
      ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
      resultSizeEstimate: data.resultSizeEstimate ?? 0,
    };
  },
  async fetch(accessToken, ids) {
    return (await batchGetMessages(accessToken, ids, SUMMARY_METADATA)).found;
  },
};

export async function listAllAccountsMessages(options: ListAllAccountsOptions): Promise<AllAccountsPage> {
  // Messages carry no history id: this view has no live stream, so no positions.
  const { items, nextPageToken, resultSizeEstimate, accountErrors } = await listAllAccounts(options, messagesSource);
  return {
    messages: items.map(({ email, message }) => ({ ...summarizeMessage(message), account: email })),
    ...(nextPageToken ? { nextPageToken } : {}),
    resultSizeEstimate,
    accountErrors,
  };
}
