import "server-only";
// Sends many Gmail changes (threads.modify, messages.trash...) through Gmail's batch endpoint: at most
// MAX_BATCH_PARTS parts per batch, all batches in parallel, so any number of items costs one round trip.
// Parts that fail for overload (429, 5xx, a rate-limit 403) are sent again, together, after a backoff that
// honours the longest Retry-After, within the same bounded budget as batch-get. Every change Mailroom sends is
// idempotent (adding a label twice, trashing twice), so sending a part again can never do more than once.
//
// Unlike batch-get, a part's failure is an answer, not an exception: the caller reports each item's fate.
// Only a rejected token (401, so the caller can refresh once and run everything again) and a batch that
// fails as a whole for a reason retrying cannot fix are thrown.
import { setTimeout as sleep } from "node:timers/promises";
import { getConfig } from "../../config";
import { spendGmailQuota } from "../../limits/gmail-quota";
import { gmailBatchUnits } from "../../limits/gmail-quota-cost";
import { GMAIL_QUOTA } from "../../limits/limits";
import {
  type BatchRequestPart,
  type BatchResponsePart,
  MAX_BATCH_PARTS,
  decodeBatchResponse,
  encodeBatchRequest,
} from "../batch-multipart";
import { GmailResponseError } from "../gmail-errors";
import {
  RetryBudget,
  type RetryBudgetOptions,
  gmailErrorReason,
  isRetryableFailure,
  isRetryableNetworkError,
  retryAfterMs,
} from "../retry-policy";

export type BatchPostRequest = {
  /** The item's id; also the part's Content-ID. Unique within one call. */
  id: string;
  /** Path of the POST, e.g. `/gmail/v1/users/me/threads/abc/modify`. */
  path: string;
  /** Sent as JSON when present. */
  body?: unknown;
};

/** How Gmail finally answered one part: its status and body (the last attempt's, when retries ran out). */
export type PartAnswer = { status: number; body: unknown; retryAfter?: string };

// The same bound as batch-get: each retry re-sends only the failed parts, so batches shrink quickly.
const BATCH_RETRY_BUDGET: RetryBudgetOptions = { maxAttempts: 8, maxElapsedMs: 12_000 };
const BATCH_TIMEOUT_MS = 15_000;

/** Posts every request; the final answer per id. Throws GmailResponseError for a 401 or a hopeless batch. */
export async function batchPost(
  accessToken: string,
  requests: readonly BatchPostRequest[],
  retry: RetryBudgetOptions = BATCH_RETRY_BUDGET,
): Promise<Map<string, PartAnswer>> {
  const chunks: BatchPostRequest[][] = [];
  for (let start = 0; start < requests.length; start += MAX_BATCH_PARTS) chunks.push(requests.slice(start, start + MAX_BATCH_PARTS));
  // A thrown chunk fails the call (it will be run again after a refresh): stop the others' retry waits.
  const abort = new AbortController();
  const outcomes = await Promise.all(
    chunks.map((chunk) =>
      postChunk(accessToken, chunk, retry, abort.signal).catch((error: unknown) => {
        abort.abort();
        throw error;
      }),
    ),
  );
  return new Map(outcomes.flatMap((outcome) => [...outcome]));
}

async function postChunk(
  accessToken: string,
  requests: readonly BatchPostRequest[],
  retry: RetryBudgetOptions,
  signal: AbortSignal,
): Promise<Map<string, PartAnswer>> {
  const answers = new Map<string, PartAnswer>();
  const budget = new RetryBudget(retry);
  let pending = requests;
  for (;;) {
    const retryable: PartAnswer[] = [];
    for (const [id, answer] of await sendOnce(accessToken, pending, signal)) {
      if (answer.status === 401) throw new GmailResponseError(401, { reason: gmailErrorReason(answer.body) });
      answers.set(id, answer);
      if (isRetryableFailure(answer.status, gmailErrorReason(answer.body))) retryable.push(answer);
    }
    if (retryable.length === 0) return answers;
    const longest = retryable.reduce((a, b) => ((retryAfterMs(b.retryAfter) ?? 0) > (retryAfterMs(a.retryAfter) ?? 0) ? b : a));
    const delay = budget.nextDelayMs({ retryAfter: longest.retryAfter });
    // Out of budget: the failures stand as the parts' answers.
    if (delay === null) return answers;
    await sleep(delay, undefined, { signal });
    pending = pending.filter((request) => {
      const answer = answers.get(request.id);
      return answer !== undefined && isRetryableFailure(answer.status, gmailErrorReason(answer.body));
    });
  }
}

/** One batch round trip: an answer for every pending request (a whole-batch overload counts for each part). */
async function sendOnce(accessToken: string, requests: readonly BatchPostRequest[], signal: AbortSignal): Promise<Map<string, PartAnswer>> {
  let parts: BatchResponsePart[];
  try {
    parts = await sendBatch(accessToken, requests, signal);
  } catch (error) {
    if (!(error instanceof GmailResponseError) || !isRetryableFailure(error.status, error.reason)) throw error;
    const failed: PartAnswer = {
      status: error.status,
      body: { error: { errors: [{ reason: error.reason }] } },
      ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
    };
    return new Map(requests.map((request) => [request.id, failed]));
  }
  const byId = new Map(parts.filter((part) => part.contentId !== "").map((part) => [part.contentId, part]));
  return new Map(
    requests.map(({ id }, index): [string, PartAnswer] => {
      // Match by Content-ID; fall back to position when the server dropped the ids.
      const part = byId.get(id) ?? (parts[index]?.contentId === "" ? parts[index] : undefined);
      // A part with no answer (a truncated response) is treated like a gateway failure: worth one more try.
      if (!part || part.status === 0) return [id, { status: 502, body: null }];
      const retryAfter = part.headers["retry-after"];
      return [id, { status: part.status, body: part.body, ...(retryAfter ? { retryAfter } : {}) }];
    }),
  );
}

async function sendBatch(accessToken: string, requests: readonly BatchPostRequest[], signal: AbortSignal): Promise<BatchResponsePart[]> {
  const parts: BatchRequestPart[] = requests.map(({ id, path, body }) => ({
    id,
    method: "POST",
    path,
    ...(body === undefined ? {} : { body }),
  }));
  // An action may wait for its quota (its size is capped), so a large one is paced rather than refused.
  await spendGmailQuota(gmailBatchUnits(parts), GMAIL_QUOTA.maxActionWaitMs);
  const { contentType, body } = encodeBatchRequest(parts);
  let response: Response;
  try {
    response = await fetch(getConfig().google.endpoints.gmailBatch, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": contentType },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(BATCH_TIMEOUT_MS)]),
    });
  } catch (error) {
    if (isRetryableNetworkError(error)) throw new GmailResponseError(503, { reason: "network" });
    throw error;
  }
  const text = await response.text();
  if (!response.ok) {
    throw new GmailResponseError(response.status, {
      reason: gmailErrorReason(parseJsonOrNull(text)),
      retryAfter: response.headers.get("retry-after") ?? undefined,
    });
  }
  return decodeBatchResponse(response.headers.get("content-type") ?? "", text);
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
