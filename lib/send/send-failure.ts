// Why a send failed for good (or waits to be tried again), as a code: the job runner keeps it as the job's
// lastError, and the API and the pages put it into words from the catalogue (compose.sendFailures), each page
// in its person's language. The API's JSON, like all its errors, speaks English.
import englishCompose from "../../messages/en/compose.json";

export const SEND_FAILURES = [
  "no_recipients",
  "invalid",
  "deleted",
  "no_permission",
  "refused",
  "limited",
  "unavailable",
  "account_gone",
  "reauth_required",
] as const;

export type SendFailure = (typeof SEND_FAILURES)[number];

const CODES: ReadonlySet<string> = new Set(SEND_FAILURES);

/** A stored reason that is one of the codes (a send that failed before reasons were codes kept a sentence). */
export function isSendFailure(value: string | null | undefined): value is SendFailure {
  return typeof value === "string" && CODES.has(value);
}

/** The API's English sentence for a failure: the English catalogue's. */
export function sendFailureSentence(code: SendFailure): string {
  return englishCompose.sendFailures[code];
}
