import "server-only";
// The "All accounts" view of conversations: every linked account's threads, merged newest first by their
// latest message. Per page, each account costs one threads.list and one batch of threads.get?format=metadata,
// all accounts at once: two sequential round trips (list-all-accounts has the merge, the paging and how one
// failing account is reported).
import { batchGetThreads } from "../gmail/batch-get-threads";
import { gmailUsersFor } from "../gmail/gmail-client";
import {
  type AccountError,
  type AccountPosition,
  type AllAccountsSource,
  type ListAllAccountsOptions,
  listAllAccounts,
} from "./list-all-accounts";
import { SUMMARY_METADATA } from "../gmail/summary-headers";
import { maxHistoryId } from "../sync/page-cache-fetch";
import { summarizeThread } from "../gmail/thread-headers";
import type { ThreadSummary } from "./thread-summary";

export type AllAccountsThread = ThreadSummary & {
  /** The linked Google account this conversation belongs to. */
  account: string;
};

export type AllAccountsThreadPage = {
  threads: AllAccountsThread[];
  nextPageToken?: string;
  resultSizeEstimate: number;
  /** The accounts that could not be read for this page; the others are shown. */
  accountErrors: AccountError[];
  /** Where each account's rows stand in its mailbox: the page's live stream starts there. */
  positions: AccountPosition[];
};

/** A summarised conversation, dated by its latest message for the merge. */
type DatedThread = { id: string; internalDate: string; summary: ThreadSummary };

function datedThread(summary: ThreadSummary): DatedThread {
  const ms = summary.date === null ? 0 : Date.parse(summary.date);
  return { id: summary.id, internalDate: String(Number.isNaN(ms) ? 0 : ms), summary };
}

function threadsSource(label: string): AllAccountsSource<DatedThread> {
  return {
    kind: "threads",
    async list(accessToken, request) {
      const { data } = await gmailUsersFor(accessToken).listThreads({ userId: "me", ...request });
      const historyId = maxHistoryId((data.threads ?? []).map((thread) => thread.historyId));
      return {
        ids: (data.threads ?? []).map((thread) => thread.id).filter((id): id is string => Boolean(id)),
        ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
        resultSizeEstimate: data.resultSizeEstimate ?? 0,
        ...(historyId ? { historyId } : {}),
      };
    },
    async position(accessToken) {
      return (await gmailUsersFor(accessToken).getProfile({ userId: "me" })).data.historyId ?? undefined;
    },
    async fetch(accessToken, ids) {
      const { found } = await batchGetThreads(accessToken, ids, SUMMARY_METADATA);
      // A thread without messages has nothing to show: the merge steps over it as over a deleted one.
      return found.flatMap((thread) => {
        const summary = summarizeThread(thread, { label });
        return summary ? [datedThread(summary)] : [];
      });
    },
  };
}

export async function listAllAccountsThreads(options: ListAllAccountsOptions): Promise<AllAccountsThreadPage> {
  const { items, ...page } = await listAllAccounts(options, threadsSource(options.label));
  return { threads: items.map(({ email, message }) => ({ ...message.summary, account: email })), ...page };
}
