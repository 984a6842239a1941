// Expected failures, typed. `message` is always safe to show a user: it never carries a token, a stack or
// an upstream error text. Route handlers map AppError to HTTP; anything else becomes a generic 500.
import englishErrors from "../messages/en/errors.json";

export type AppErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "reauth_required"
  | "forbidden"
  | "scope_required"
  | "not_found"
  | "draft_conflict"
  | "attachment_too_large"
  | "conflict"
  | "unsupported_media_type"
  | "rate_limited"
  | "upstream_unavailable"
  | "server_busy"
  | "misconfigured";

export type ReauthReason = "revoked" | "missing_refresh_token" | "insufficient_scope" | "disconnected" | "credential_change_required";

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  reauth_required: 401,
  // A request from another site (lib/http/json-post.ts).
  forbidden: 403,
  // Google has not granted what the action needs (lib/gmail/actions/modify-scope.ts); details say how to ask.
  scope_required: 403,
  not_found: 404,
  // Another tab or client saved the draft since this one loaded it (lib/drafts).
  draft_conflict: 409,
  // Past Gmail's limit for one message's attachments (lib/uploads).
  attachment_too_large: 413,
  // The thing is no longer in a state that allows the change (a send already under way or sent).
  conflict: 409,
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream_unavailable: 503,
  // This instance is at a bound of its own (lib/downloads); Retry-After says when to come back.
  server_busy: 503,
  misconfigured: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  /** Sent beside code and message: what the client needs to act (a reason, where to ask, which inputs were wrong). */
  readonly details: Readonly<Record<string, string | readonly string[]>>;
  /** For 429 and 503: when to try again, sent as the Retry-After header and in the envelope. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options?: { status?: number; details?: Record<string, string | readonly string[]>; cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options?.status ?? STATUS_BY_CODE[code];
    this.details = options?.details ?? {};
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export class ReauthRequiredError extends AppError {
  readonly reason: ReauthReason;

  constructor(reason: ReauthReason, options?: { cause?: unknown }) {
    super("reauth_required", REAUTH_MESSAGES[reason], { details: { reason }, cause: options?.cause });
    this.name = "ReauthRequiredError";
    this.reason = reason;
  }
}

/** 429 for work a client asked for too often or too much of; Retry-After says when to come back. */
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterMs: number) {
    super("rate_limited", message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
    this.name = "RateLimitedError";
  }
}

/**
 * The API's sentence for each reason (its JSON errors are in English): the English catalogue's, so the API and
 * the English page never say it two ways. A page in another language says it by the reason (ReauthBanner).
 */
export const REAUTH_MESSAGES: Record<ReauthReason, string> = englishErrors.reauth;
