import "server-only";
// Fetches many messages in one HTTP round trip through Gmail's batch endpoint. Parts that fail with 429 or
// 5xx are sent again, together, after a backoff that honours the longest Retry-After among them, within a
// bounded total time. A 401 part means the token was rejected, and fails the whole call so the caller can
// refresh once and retry.
import type { gmail_v1 } from "@googleapis/gmail";
import { getConfig } from "../config";
import { type BatchResponsePart, MAX_BATCH_PARTS, decodeBatchResponse, encodeBatchRequest } from "./batch-multipart";
import { GmailResponseError } from "./gmail-errors";
import { RetryBudget, isRetryableNetworkError, isRetryableStatus, retryAfterMs } from "./retry-policy";

export type BatchGetOptions = { format: "metadata" | "minimal" | "full"; metadataHeaders?: readonly string[] };

function messagePath(id: string, options: BatchGetOptions): string {
  const query = new URLSearchParams({ format: options.format });
  for (const header of options.metadataHeaders ?? []) query.append("metadataHeaders", header);
  return `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?${query}`;
}

/** One batch round trip. Throws GmailResponseError when the batch as a whole fails. */
async function sendBatch(accessToken: string, ids: readonly string[], options: BatchGetOptions): Promise<BatchResponsePart[]> {
  const { contentType, body } = encodeBatchRequest(ids.map((id) => ({ id, method: "GET", path: messagePath(id, options) })));
  let response: Response;
  try {
    response = await fetch(getConfig().google.endpoints.gmailBatch, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": contentType },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    if (isRetryableNetworkError(error)) throw new GmailResponseError(503, { reason: "network" });
    throw error;
  }
  const text = await response.text();
  if (!response.ok) throw new GmailResponseError(response.status, { retryAfter: response.headers.get("retry-after") ?? undefined });
  return decodeBatchResponse(response.headers.get("content-type") ?? "", text);
}

/** The outcome of one attempt: every part answered, or failures that may be retried. */
function sortParts(pending: readonly string[], parts: readonly BatchResponsePart[], wholeFailure: GmailResponseError | undefined) {
  const succeeded = new Map<string, gmail_v1.Schema$Message>();
  const retryable: GmailResponseError[] = [];
  for (const [index, id] of pending.entries()) {
    // Match by Content-ID; fall back to position when the server dropped the ids.
    const part = parts.find((candidate) => candidate.contentId === id) ?? (parts[index]?.contentId === "" ? parts[index] : undefined);
    if (part?.status === 200) {
      succeeded.set(id, part.body as gmail_v1.Schema$Message);
      continue;
    }
    const failure =
      wholeFailure ??
      new GmailResponseError(part?.status ?? 502, {
        reason: (part?.body as { error?: { errors?: { reason?: string }[] } } | null)?.error?.errors?.[0]?.reason,
        retryAfter: part?.headers["retry-after"],
      });
    if (failure.status === 401 || !isRetryableStatus(failure.status)) throw failure;
    retryable.push(failure);
  }
  return { succeeded, retryable };
}

// Each retry re-sends only the parts that failed, so the batches shrink quickly; allow more attempts than a
// single call would get, but never more than a bounded wait for the user.
const BATCH_RETRY_BUDGET = { maxAttempts: 8, maxElapsedMs: 12_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Messages in the order of `ids`; throws GmailResponseError when any part finally fails. */
export async function batchGetMessages(accessToken: string, ids: readonly string[], options: BatchGetOptions): Promise<gmail_v1.Schema$Message[]> {
  if (ids.length === 0) return [];
  if (ids.length > MAX_BATCH_PARTS) throw new RangeError(`at most ${MAX_BATCH_PARTS} messages per batch`);
  const results = new Map<string, gmail_v1.Schema$Message>();
  const budget = new RetryBudget(BATCH_RETRY_BUDGET);
  let pending = [...new Set(ids)];

  for (;;) {
    let parts: BatchResponsePart[] = [];
    let wholeFailure: GmailResponseError | undefined;
    try {
      parts = await sendBatch(accessToken, pending, options);
    } catch (error) {
      if (!(error instanceof GmailResponseError)) throw error;
      wholeFailure = error;
    }
    const { succeeded, retryable } = sortParts(pending, parts, wholeFailure);
    for (const [id, message] of succeeded) results.set(id, message);
    if (retryable.length === 0) return ids.map((id) => results.get(id)!);

    const longest = retryable.reduce((a, b) => ((retryAfterMs(b.retryAfter) ?? 0) > (retryAfterMs(a.retryAfter) ?? 0) ? b : a));
    const delay = budget.nextDelayMs({ retryAfter: longest.retryAfter });
    if (delay === null) throw longest;
    await sleep(delay);
    pending = pending.filter((id) => !results.has(id));
  }
}
