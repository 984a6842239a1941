import "server-only";

import { type MethodOptions } from "@googleapis/gmail";

// One retry policy for every Gmail call: our own batch retries use retryDelayMs/RetryBudget, and the official
// client gets the same rules through gmailClientRetryConfig. Gmail answers overload with 429/5xx and sometimes
// a Retry-After; hammering it sooner only earns more 429s, while waiting too long makes the inbox feel dead,
// so the total time spent retrying is bounded.

const BASE_DELAY_MS = 200;
const MAX_BACKOFF_MS = 5_000;
const MAX_RETRY_AFTER_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_MAX_ELAPSED_MS = 8_000;

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Whether a response with this HTTP status (a whole request or one batch part) is worth retrying. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

// Gmail also answers rate limiting with 403 and a usage-limit reason (the per-user quota), and its guide says
// to back off and retry those like a 429. Other 403s (a missing scope, a daily limit, delegation denied) do
// not heal by waiting.
const RETRYABLE_403_REASONS: ReadonlySet<string> = new Set(["rateLimitExceeded", "userRateLimitExceeded"]);

/** Whether a failed response (a whole request or one batch part), by status and Gmail's reason, is worth retrying. */
export function isRetryableFailure(status: number, reason: string | undefined): boolean {
  return isRetryableStatus(status) || (status === 403 && reason !== undefined && RETRYABLE_403_REASONS.has(reason));
}

/** The `reason` of Gmail's error envelope (`{ error: { errors: [{ reason }] } }`), if the body is one. */
export function gmailErrorReason(body: unknown): string | undefined {
  const reason = (body as { error?: { errors?: { reason?: unknown }[] } } | null | undefined)?.error?.errors?.[0]?.reason;
  return typeof reason === "string" ? reason : undefined;
}

// Transient socket, DNS and undici failures; anything else (bad URL, TLS trust errors, aborts) will not heal.
const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
  "TimeoutError",
]);

/**
 * Whether a thrown error is a transient network failure (no HTTP response) worth retrying.
 * Looks through `cause` chains, since fetch wraps the socket error in a TypeError("fetch failed").
 */
export function isRetryableNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current !== null && typeof current === "object" && depth < 5; depth++) {
    const { code, response, cause } = current as { code?: unknown; response?: unknown; cause?: unknown };
    if (response !== undefined && response !== null) return false;
    if (typeof code === "string" && RETRYABLE_NETWORK_CODES.has(code)) return true;
    current = cause;
  }
  return false;
}

/**
 * Milliseconds a Retry-After header value asks for (delta-seconds or an HTTP-date), or null when the value
 * is absent or unreadable. A date in the past means "now" (0).
 */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | null {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return null;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (/^\d/.test(trimmed) || !/[a-z]/i.test(trimmed)) return null; // "-5", "1e3", "12abc" are not dates
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export type RetryDelayOptions = {
  /** Which retry this is: 1 for the first retry after the initial attempt failed. */
  attempt: number;
  /** The failed response's Retry-After header, if any. */
  retryAfter?: string | null;
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number;
  /** Clock for HTTP-date Retry-After values; injectable for tests. */
  now?: number;
};

/**
 * The wait before a retry: exponential backoff with full jitter (uniform in [0, min(5 s, 200 ms × 2^(attempt-1))]),
 * or the server's Retry-After when that is longer, Retry-After itself capped at 10 s.
 */
export function retryDelayMs({ attempt, retryAfter, random = Math.random, now }: RetryDelayOptions): number {
  const exponent = Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 1) - 1);
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** Math.min(exponent, 30));
  const jittered = Math.floor(clampUnit(random()) * ceiling);
  const asked = retryAfterMs(retryAfter, now);
  return asked === null ? jittered : Math.max(jittered, Math.min(asked, MAX_RETRY_AFTER_MS));
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}

/**
 * For a change a person is waiting to see confirmed (archive, star...): one quick retry, then the failure is
 * theirs to see at once, with "Try again", rather than after the seconds a background job may spend.
 */
export const PERSON_WAITING_RETRY: RetryBudgetOptions = { maxAttempts: 2, maxElapsedMs: 1_000 };

export type RetryBudgetOptions = {
  /** Attempts in total, the first one included. */
  maxAttempts?: number;
  /** Wall-clock time from the budget's creation beyond which no retry is started. */
  maxElapsedMs?: number;
  now?: () => number;
  random?: () => number;
};

/**
 * Bounds the retries of one logical operation (a request, or the failed parts of a batch).
 * Call `nextDelayMs` after each failed attempt: it answers how long to wait before the next one, or null to
 * give up because the attempts are used up or the wait would end past the elapsed-time bound.
 */
export class RetryBudget {
  readonly #maxAttempts: number;
  readonly #maxElapsedMs: number;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #startedAt: number;
  #failedAttempts = 0;

  constructor(options: RetryBudgetOptions = {}) {
    this.#maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.#maxElapsedMs = options.maxElapsedMs ?? DEFAULT_MAX_ELAPSED_MS;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#startedAt = this.#now();
  }

  /** Failed attempts recorded so far. */
  get failedAttempts(): number {
    return this.#failedAttempts;
  }

  /** Records a failed attempt; the delay before the next attempt, or null when the budget is spent. */
  nextDelayMs(failure: { retryAfter?: string | null } = {}): number | null {
    this.#failedAttempts += 1;
    if (this.#failedAttempts >= this.#maxAttempts) return null;
    const now = this.#now();
    const delay = retryDelayMs({ attempt: this.#failedAttempts, retryAfter: failure.retryAfter, random: this.#random, now });
    // A Retry-After beyond what we can honour means the server will not be ready in time; retrying
    // earlier than it asked would only be refused again.
    if (exceedsCap(failure.retryAfter, now)) return null;
    return now - this.#startedAt + delay > this.#maxElapsedMs ? null : delay;
  }
}

function exceedsCap(retryAfter: string | null | undefined, now: number): boolean {
  const asked = retryAfterMs(retryAfter, now);
  return asked !== null && asked > MAX_RETRY_AFTER_MS;
}

// ---- The official client (gaxios 7) ----

type ClientRetryConfig = NonNullable<MethodOptions["retryConfig"]>;
type GaxiosError = Parameters<NonNullable<ClientRetryConfig["shouldRetry"]>>[0];

const CLIENT_RETRIES = DEFAULT_MAX_ATTEMPTS - 1;
const CLIENT_STATUS_RANGES = [
  [429, 429],
  [500, 599],
];

function headerOf(error: GaxiosError, name: string): string | null {
  // gaxios 7 uses node-fetch on Node, whose Headers is not the global class, so no instanceof here; a plain
  // object is accepted too in case a transport adapter supplies one.
  const headers: unknown = error.response?.headers;
  if (!headers || typeof headers !== "object") return null;
  const { get } = headers as { get?: unknown };
  if (typeof get === "function") {
    const value: unknown = get.call(headers, name);
    return typeof value === "string" ? value : null;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
}

/**
 * Replaces gaxios' default decision (which it skips entirely once shouldRetry is set), adding the elapsed-time
 * budget and giving up at once when Retry-After asks for more than we would wait.
 */
function shouldClientRetry(error: GaxiosError): boolean {
  const config = error.config.retryConfig ?? {};
  // Our own timeout aborts with TimeoutError and is worth another try; any other abort is the caller giving up.
  if ((error.config.signal?.aborted && error.code !== "TimeoutError") || error.code === "AbortError") return false;
  if ((error.config.method ?? "GET").toUpperCase() !== "GET") return false;

  const attemptsSoFar = config.currentRetryAttempt ?? 0;
  if (attemptsSoFar >= (config.retry ?? CLIENT_RETRIES)) return false;

  const status = error.response?.status;
  if (status === undefined) {
    if (attemptsSoFar >= (config.noResponseRetries ?? 2)) return false;
    if (!isRetryableNetworkError(error)) return false;
  } else {
    const ranges = config.statusCodesToRetry ?? CLIENT_STATUS_RANGES;
    const inRanges = ranges.some(([min = 0, max = 0]) => status >= min && status <= max);
    if (!inRanges && !isRetryableFailure(status, gmailErrorReason(error.response?.data))) return false;
  }

  const retryAfter = headerOf(error, "retry-after");
  const now = Date.now();
  if (exceedsCap(retryAfter, now)) return false;
  const elapsed = now - (config.timeOfFirstRequest ?? now);
  const minimumWait = retryAfterMs(retryAfter, now) ?? 0;
  return elapsed + minimumWait <= (config.totalTimeout ?? DEFAULT_MAX_ELAPSED_MS);
}

/** The wait gaxios performs before retrying; gaxios has already counted this retry in currentRetryAttempt. */
function clientBackoffMs(error: GaxiosError): number {
  const config = error.config.retryConfig ?? {};
  const now = Date.now();
  const retryAfter = headerOf(error, "retry-after");
  const delay = retryDelayMs({ attempt: config.currentRetryAttempt ?? 1, retryAfter, now });
  const remaining = (config.totalTimeout ?? DEFAULT_MAX_ELAPSED_MS) - (now - (config.timeOfFirstRequest ?? now));
  // Jitter may overshoot the budget; a Retry-After never does (shouldClientRetry checked it), so clamping
  // to the remaining time can only shorten our own backoff, never the server's.
  return Math.max(retryAfterMs(retryAfter, now) ?? 0, Math.min(delay, remaining));
}

/**
 * `retryConfig` for the official Gmail client (`gmail({ version: "v1", auth, retryConfig })`). gaxios'
 * default retries GET, HEAD, PUT, OPTIONS and DELETE three times on fixed delays and ignores Retry-After.
 * This one retries GET only, on 429, 5xx, Gmail's rate-limit 403s and transient network errors, with our backoff, honouring
 * Retry-After, within the same attempt and time budget as RetryBudget. gaxios deep-copies it per request,
 * so sharing one object is safe.
 */
export const gmailClientRetryConfig: ClientRetryConfig = {
  retry: CLIENT_RETRIES,
  noResponseRetries: 2,
  httpMethodsToRetry: ["GET"],
  statusCodesToRetry: CLIENT_STATUS_RANGES,
  totalTimeout: DEFAULT_MAX_ELAPSED_MS,
  shouldRetry: shouldClientRetry,
  retryBackoff: (error) => new Promise<void>((resolve) => setTimeout(resolve, clientBackoffMs(error))),
};
