import "server-only";
// Fetches many Gmail resources (messages, threads) through Gmail's batch endpoint. Ids are split into batches
// of at most MAX_BATCH_PARTS parts, sent in parallel, so a page still costs one round trip however large it
// is. Within each batch, parts that fail for overload are sent again, together, after a backoff that honours
// the longest Retry-After among them, within a bounded total time.
//
// What a failed part means:
// - 429, 5xx, or 403 with Gmail's rate-limit reasons: overload; retried (see retry-policy).
// - 404: the resource is gone (deleted or moved to where this listing cannot see it between the list and
//   the batch). Real mailboxes do this all the time; the id is reported as missing and the rest is returned.
// - 401: the token was rejected; the whole call fails so the caller can refresh once and retry.
// - any other 4xx (400, a 403 for a missing scope...): our request is wrong or access is refused, which
//   retrying or leaving one row out would hide; the whole call fails as any single Gmail call would.
// A 404 for the batch request itself is not a missing resource but a broken endpoint, and fails the call.
import { setTimeout as sleep } from "node:timers/promises";
import { getConfig } from "../config";
import { spendGmailQuota } from "../limits/gmail-quota";
import { gmailBatchUnits } from "../limits/gmail-quota-cost";
import { gmailCallStarted, recordBatchParts } from "../metrics/gmail-calls";
import { type BatchResponsePart, MAX_BATCH_PARTS, decodeBatchResponse, encodeBatchRequest } from "./batch-multipart";
import { GmailResponseError } from "./gmail-errors";
import { RetryBudget, gmailErrorReason, isRetryableFailure, isRetryableNetworkError, retryAfterMs } from "./retry-policy";

export type BatchGetRequest = {
  /** The resource id; also the part's Content-ID. */
  id: string;
  /** Path and query of the GET, e.g. `/gmail/v1/users/me/threads/abc?format=metadata`. */
  path: string;
};

/** How each resource is read: `format`, and for metadata the headers wanted. */
export type BatchGetOptions = { format: "metadata" | "minimal" | "full"; metadataHeaders?: readonly string[] };

export type BatchGetResult<T> = {
  /** What Gmail returned, in the order requested (repeated ids once); missing ids are left out. */
  found: T[];
  /** Ids Gmail answered 404 for: gone between listing and fetching them. */
  missing: string[];
};

// Each retry re-sends only the parts that failed, so the batches shrink quickly; allow more attempts than a
// single call would get, but never more than a bounded wait for the user.
const BATCH_RETRY_BUDGET = { maxAttempts: 8, maxElapsedMs: 12_000 };

/** GETs every request in parallel batches; throws GmailResponseError when any part finally fails. */
export async function batchGet<T>(accessToken: string, requests: readonly BatchGetRequest[]): Promise<BatchGetResult<T>> {
  const unique = [...new Map(requests.map((request) => [request.id, request])).values()];
  if (unique.length === 0) return { found: [], missing: [] };
  const chunks: BatchGetRequest[][] = [];
  for (let start = 0; start < unique.length; start += MAX_BATCH_PARTS) chunks.push(unique.slice(start, start + MAX_BATCH_PARTS));

  // One chunk failing fails the page: stop the others' retries instead of letting them run on unseen.
  const abort = new AbortController();
  const outcomes = await Promise.all(
    chunks.map((chunk) =>
      fetchChunk(accessToken, chunk, abort.signal).catch((error: unknown) => {
        abort.abort();
        throw error;
      }),
    ),
  );
  const answered = new Map<string, unknown>();
  for (const outcome of outcomes) for (const [id, body] of outcome.succeeded) answered.set(id, body);
  return {
    found: unique.filter((request) => answered.has(request.id)).map((request) => answered.get(request.id) as T),
    missing: outcomes.flatMap((outcome) => outcome.missing),
  };
}

/** One batch of at most MAX_BATCH_PARTS requests, with its own retries. */
async function fetchChunk(accessToken: string, requests: readonly BatchGetRequest[], signal: AbortSignal) {
  const succeeded = new Map<string, unknown>();
  const missing: string[] = [];
  const budget = new RetryBudget(BATCH_RETRY_BUDGET);
  let pending = requests;

  for (;;) {
    let parts: BatchResponsePart[] = [];
    let wholeFailure: GmailResponseError | undefined;
    try {
      parts = await sendBatch(accessToken, pending, signal);
    } catch (error) {
      if (!(error instanceof GmailResponseError)) throw error;
      if (!isRetryableFailure(error.status, error.reason)) throw error;
      wholeFailure = error;
    }
    const retryable = sortParts(pending, parts, wholeFailure, { succeeded, missing });
    if (retryable.length === 0) return { succeeded, missing };

    const longest = retryable.reduce((a, b) => ((retryAfterMs(b.retryAfter) ?? 0) > (retryAfterMs(a.retryAfter) ?? 0) ? b : a));
    const delay = budget.nextDelayMs({ retryAfter: longest.retryAfter });
    if (delay === null) throw longest;
    await sleep(delay, undefined, { signal });
    pending = pending.filter((request) => !succeeded.has(request.id) && !missing.includes(request.id));
  }
}

/** One batch round trip. Throws GmailResponseError when the batch as a whole fails. */
async function sendBatch(accessToken: string, requests: readonly BatchGetRequest[], signal: AbortSignal): Promise<BatchResponsePart[]> {
  const batch = requests.map(({ id, path }) => ({ id, method: "GET" as const, path }));
  await spendGmailQuota(gmailBatchUnits(batch));
  const { contentType, body } = encodeBatchRequest(batch);
  const url = getConfig().google.endpoints.gmailBatch;
  const done = gmailCallStarted("POST", url);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": contentType },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]),
    });
    text = await response.text();
  } catch (error) {
    done("network");
    if (isRetryableNetworkError(error)) throw new GmailResponseError(503, { reason: "network" });
    throw error;
  }
  done(response.status);
  if (!response.ok) {
    throw new GmailResponseError(response.status, {
      reason: gmailErrorReason(parseJsonOrNull(text)),
      retryAfter: response.headers.get("retry-after") ?? undefined,
    });
  }
  const parts = decodeBatchResponse(response.headers.get("content-type") ?? "", text);
  recordBatchParts(requests.map(({ id, path }, index) => ({ method: "GET", path, status: partFor(id, index, parts)?.status })));
  return parts;
}

/** The answer to a request: by Content-ID, or by position when the server dropped the ids. */
function partFor(id: string, index: number, parts: readonly BatchResponsePart[]): BatchResponsePart | undefined {
  return parts.find((part) => part.contentId === id) ?? (parts[index]?.contentId === "" ? parts[index] : undefined);
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Files each pending request's answer under succeeded or missing; returns the failures worth retrying.
 * Throws the first failure that retrying cannot fix.
 */
function sortParts(
  pending: readonly BatchGetRequest[],
  parts: readonly BatchResponsePart[],
  /** A retryable failure of the whole batch (then `parts` is empty and every request failed with it). */
  wholeFailure: GmailResponseError | undefined,
  into: { succeeded: Map<string, unknown>; missing: string[] },
): GmailResponseError[] {
  const byId = new Map(parts.filter((part) => part.contentId !== "").map((part) => [part.contentId, part]));
  const retryable: GmailResponseError[] = [];
  for (const [index, { id }] of pending.entries()) {
    // Match by Content-ID; fall back to position when the server dropped the ids.
    const part = byId.get(id) ?? (parts[index]?.contentId === "" ? parts[index] : undefined);
    if (part?.status === 200) {
      into.succeeded.set(id, part.body);
      continue;
    }
    if (part?.status === 404) {
      into.missing.push(id);
      continue;
    }
    const failure =
      wholeFailure ??
      new GmailResponseError(part?.status ?? 502, { reason: gmailErrorReason(part?.body), retryAfter: part?.headers["retry-after"] });
    if (failure.status === 401 || !isRetryableFailure(failure.status, failure.reason)) throw failure;
    retryable.push(failure);
  }
  return retryable;
}
