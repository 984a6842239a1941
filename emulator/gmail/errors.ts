import { STATUS_CODES } from "node:http";
import type { EmuResponse } from "../http/types";

/** Google's JSON error envelope, used by Gmail and the other googleapis.com JSON APIs. */
export interface ErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

interface EnvelopeOptions {
  status: number;
  message: string;
  errors?: ErrorItem[];
  statusName: string;
  details?: unknown[];
  headers?: Record<string, string>;
}

const GOOGLE_JSON = "application/json; charset=UTF-8";

export function googleError(options: EnvelopeOptions): EmuResponse {
  const error: Record<string, unknown> = { code: options.status, message: options.message };
  if (options.errors) error.errors = options.errors;
  error.status = options.statusName;
  if (options.details) error.details = options.details;
  return {
    status: options.status,
    headers: { "content-type": GOOGLE_JSON, vary: "Origin, X-Origin, Referer", ...options.headers },
    body: JSON.stringify({ error }, null, 2),
  };
}

const WWW_AUTHENTICATE = 'Bearer realm="https://accounts.google.com/", error="invalid_token"';

export function invalidCredentials(): EmuResponse {
  return googleError({
    status: 401,
    message:
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    errors: [{ message: "Invalid Credentials", domain: "global", reason: "authError", location: "Authorization", locationType: "header" }],
    statusName: "UNAUTHENTICATED",
    headers: { "www-authenticate": WWW_AUTHENTICATE },
  });
}

export function missingCredentials(): EmuResponse {
  return googleError({
    status: 401,
    message:
      "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    errors: [{ message: "Login Required.", domain: "global", reason: "required", location: "Authorization", locationType: "header" }],
    statusName: "UNAUTHENTICATED",
    headers: { "www-authenticate": 'Bearer realm="https://accounts.google.com/"' },
  });
}

/** `operation` is Gmail's internal method name, e.g. `GetMessage`, echoed in the ErrorInfo metadata. */
export function insufficientScope(operation: string): EmuResponse {
  return googleError({
    status: 403,
    message: "Request had insufficient authentication scopes.",
    errors: [{ message: "Insufficient Permission", domain: "global", reason: "insufficientPermissions" }],
    statusName: "PERMISSION_DENIED",
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
        domain: "googleapis.com",
        metadata: { service: "gmail.googleapis.com", method: `caribou.api.proto.MailboxService.${operation}` },
      },
    ],
  });
}

export function forbidden(message: string): EmuResponse {
  return googleError({
    status: 403,
    message,
    errors: [{ message, domain: "global", reason: "forbidden" }],
    statusName: "PERMISSION_DENIED",
  });
}

export function notFound(): EmuResponse {
  const message = "Requested entity was not found.";
  return googleError({
    status: 404,
    message,
    errors: [{ message, domain: "global", reason: "notFound" }],
    statusName: "NOT_FOUND",
  });
}

export function invalidArgument(message: string): EmuResponse {
  return googleError({
    status: 400,
    message,
    errors: [{ message, domain: "global", reason: "invalidArgument" }],
    statusName: "INVALID_ARGUMENT",
  });
}

/** A `fields` value that is malformed or names a field Gmail does not have. */
export function invalidFieldSelection(fields: string): EmuResponse {
  const message = `Invalid field selection ${fields}`;
  return googleError({
    status: 400,
    message,
    errors: [{ message, domain: "global", reason: "invalidParameter", location: "fields", locationType: "parameter" }],
    statusName: "INVALID_ARGUMENT",
  });
}

/** Gmail's sending limit (per user, shared with the web UI and SMTP): 429 with the time sending resumes. */
export function mailSendingLimit(retryAt: Date): EmuResponse {
  const message = `User-rate limit exceeded.  Retry after ${retryAt.toISOString()} (Mail sending)`;
  return googleError({
    status: 429,
    message,
    errors: [{ message, domain: "usageLimits", reason: "rateLimitExceeded" }],
    statusName: "RESOURCE_EXHAUSTED",
  });
}

/** The envelope an injected fault answers with; the wording follows what Gmail sends for each status. */
export function errorForStatus(status: number): EmuResponse {
  switch (status) {
    case 400:
      return googleError({
        status,
        message: "Bad Request",
        errors: [{ message: "Bad Request", domain: "global", reason: "badRequest" }],
        statusName: "INVALID_ARGUMENT",
      });
    case 401:
      return invalidCredentials();
    case 403:
      // A 403 fault imitates the per-user quota, the 403 a Gmail client most needs to survive.
      return googleError({
        status,
        message: "User Rate Limit Exceeded",
        errors: [{ message: "User Rate Limit Exceeded", domain: "usageLimits", reason: "userRateLimitExceeded" }],
        statusName: "PERMISSION_DENIED",
      });
    case 404:
      return notFound();
    case 429:
      return googleError({
        status,
        message: "Too many concurrent requests for user",
        errors: [{ message: "Too many concurrent requests for user", domain: "usageLimits", reason: "rateLimitExceeded" }],
        statusName: "RESOURCE_EXHAUSTED",
      });
    case 500:
      return googleError({
        status,
        message: "Backend Error",
        errors: [{ message: "Backend Error", domain: "global", reason: "backendError" }],
        statusName: "INTERNAL",
      });
    case 503:
      return googleError({
        status,
        message: "The service is currently unavailable.",
        errors: [{ message: "The service is currently unavailable.", domain: "global", reason: "backendError" }],
        statusName: "UNAVAILABLE",
      });
    default: {
      const text = STATUS_CODES[status] ?? "Error";
      return googleError({
        status,
        message: text,
        errors: [{ message: text, domain: "global", reason: status >= 500 ? "backendError" : "badRequest" }],
        statusName: status >= 500 ? "UNAVAILABLE" : "FAILED_PRECONDITION",
      });
    }
  }
}
