// What GET /api/events sends (docs/architecture.md, "Sync"), shared by the server and the browser's hook.
// Pure types and constants: no Google, no tokens.
//
// Every event that moves the stream forward carries the mailbox's Gmail history id as its SSE `id`, so a
// reconnecting EventSource sends it back as Last-Event-ID and the server resumes from exactly there.
import type { ThreadSummary } from "../mail/thread-summary";

export type StreamEventType = "ready" | "change" | "resync" | "end";

/** The stream is open; `historyId` is the mailbox position it starts from (All accounts: `account` is "all", and the position names each account's). */
export type ReadyEvent = { account: string; historyId: string };

/**
 * Conversations that changed since the last event, each as it stands now (whatever its labels: the list
 * decides whether it still belongs), and conversations that no longer exist at all.
 */
export type ChangeEvent = { account: string; historyId: string; upserts: ThreadSummary[]; removals: string[] };

/**
 * Changes could not be followed (the position is too old for Gmail's history, or too much changed; in All
 * accounts, one account can no longer be read): reload the list.
 */
export type ResyncEvent = { account: string; historyId: string; reason: "history_expired" | "too_many_changes" | "account_unavailable" };

/** The stream is over for good: do not reconnect. */
export type EndEvent = { reason: EndReason };
export type EndReason = "signed_out" | "reauth_required" | "account_removed";

/** Gmail history ids are uint64 decimal strings. */
export const HISTORY_ID = /^\d{1,20}$/;
