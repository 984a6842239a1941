// A request from the browser to Mailroom's API that did not succeed, kept as what the API answered (its error
// code, the HTTP status, its own sentence) rather than as a sentence of ours: the page says it in the person's
// language (use-failure-text.ts). One model for every caller: the list's actions, Snooze, the composer, uploads.

export type RequestProblem = {
  /** The HTTP status; 0 when Mailroom could not be reached at all. */
  status: number;
  /** The API's error code (`scope_required`, `draft_conflict`…), when it gave one. */
  code: string | null;
  /** The API's own sentence (English): it names the address or the limit at fault. */
  apiMessage: string | null;
  /** Addresses Gmail refused, when the API listed them. */
  invalidRecipients?: string[];
};

/** The request never reached Mailroom (offline, the server down). */
export const UNREACHABLE: RequestProblem = { status: 0, code: null, apiMessage: null };

/** A failure the browser itself notices, with no answer to read: `code` says which. */
export function localProblem(code: string): RequestProblem {
  return { status: 0, code, apiMessage: null };
}

/** An answer's JSON body, or null when it has none (an empty body, a proxy's HTML page). */
export async function readJsonBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; invalidRecipients?: unknown } };

/** The problem in an error answer's body (`{ error: { code, message } }`); any other body (a proxy's page) gives the status alone. */
export function problemOf(status: number, body: unknown): RequestProblem {
  const error = (body as ErrorBody | null)?.error;
  const invalid = Array.isArray(error?.invalidRecipients)
    ? error.invalidRecipients.filter((item): item is string => typeof item === "string")
    : [];
  return {
    status,
    code: typeof error?.code === "string" ? error.code : null,
    apiMessage: typeof error?.message === "string" && error.message ? error.message : null,
    ...(invalid.length > 0 ? { invalidRecipients: invalid } : {}),
  };
}

/** How a failure is fixed: signing in again, trying again later (Gmail busy, offline), or not by the person. */
export type FailureFix = "sign_in" | "retry" | null;

export function failureFix({ status }: RequestProblem): FailureFix {
  if (status === 401) return "sign_in";
  if (status === 0 || status === 429 || status >= 500) return "retry";
  return null;
}
