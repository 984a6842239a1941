import "server-only";
// Sorts Gmail's failures into what Mailroom can act on. Google's own error text never reaches the user: it
// can name internals, and the message shown must be one we wrote.
import { AppError, ReauthRequiredError } from "../errors";

/** The HTTP status of a failed Gmail call (GaxiosError or a batch part), if it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const candidate = error as { status?: unknown; response?: { status?: unknown } };
  const status = candidate.response?.status ?? candidate.status;
  return typeof status === "number" ? status : undefined;
}

/** Google rejected the access token: refresh once and retry (see lib/tokens/google-access). */
export function isUnauthorized(error: unknown): boolean {
  return statusOf(error) === 401;
}

/** A failed Gmail response, carrying its status; thrown for batch parts the way gaxios throws for calls. */
export class GmailResponseError extends Error {
  readonly reason: string | undefined;
  readonly retryAfter: string | undefined;

  constructor(
    readonly status: number,
    details: { reason?: string; retryAfter?: string } = {},
  ) {
    super(`Gmail answered ${status}${details.reason ? ` (${details.reason})` : ""}`);
    this.name = "GmailResponseError";
    this.reason = details.reason;
    this.retryAfter = details.retryAfter;
  }
}

function reasonOf(error: unknown): string | undefined {
  const data = (error as { response?: { data?: { error?: { errors?: { reason?: string }[]; details?: { reason?: string }[] } } } })
    ?.response?.data;
  return data?.error?.details?.[0]?.reason ?? data?.error?.errors?.[0]?.reason ?? (error as { reason?: string }).reason;
}

/**
 * Gmail's own 404 for a call says NOT_FOUND / "notFound": the id does not exist (or no longer does). A 404
 * without it comes from a wrong endpoint or something in the way, and means Gmail could not be reached, not
 * that what the user asked for is missing. So does a 404 for a whole batch (GmailResponseError): a batch
 * part that is not found is left out by batch-get, never thrown.
 */
function isGmailNotFound(error: unknown): boolean {
  if (error instanceof GmailResponseError) return false;
  const envelope = (error as { response?: { data?: { error?: { status?: string; errors?: { reason?: string }[] } } } })?.response?.data
    ?.error;
  return envelope?.status === "NOT_FOUND" || envelope?.errors?.some((entry) => entry.reason === "notFound") === true;
}

/** Turns a Gmail failure into an AppError with a message we wrote. */
export function toAppError(error: unknown, what: "message" | "page" | "labels"): AppError {
  if (error instanceof AppError) return error;
  // Our own refusal raised inside the client's transport (the quota's 429) comes back wrapped by the client.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof AppError) return cause;
  const status = statusOf(error);
  const reason = reasonOf(error);
  if (status === 403 && (reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT" || reason === "insufficientPermissions")) {
    return new ReauthRequiredError("insufficient_scope", { cause: error });
  }
  if (status === 404 && isGmailNotFound(error)) {
    return new AppError("not_found", what === "message" ? "This message does not exist in your mailbox." : "Nothing was found.", {
      cause: error,
    });
  }
  if (status === 400) {
    return new AppError(
      "bad_request",
      what === "page"
        ? "That page of results is no longer available. Start again from the first page."
        : "Gmail did not accept that request.",
      { cause: error },
    );
  }
  if (status === 429 || (status === 403 && /rateLimitExceeded|userRateLimitExceeded|RATE_LIMIT/i.test(reason ?? ""))) {
    return new AppError("rate_limited", "Gmail is asking Mailroom to slow down. Please try again in a moment.", { cause: error });
  }
  return new AppError("upstream_unavailable", "Gmail is not answering right now. Please try again in a moment.", {
    status: status && status >= 500 ? 502 : 503,
    cause: error,
  });
}
