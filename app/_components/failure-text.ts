// A failed request (request-failure.ts) said in the person's language. An English page shows the API's own
// sentence word for word when it wrote one (it names the address or the limit at fault); otherwise, and on a page
// in any other language, the sentence is picked by the failure's code and HTTP status. Where the person is shapes
// a few sentences: the composer adds that the text is kept in the browser, an upload speaks of the file.
import type { RequestProblem } from "./request-failure";

export type FailureContext = "action" | "compose" | "upload";

type Key =
  | `common.failures.${"generic" | "offline" | "tooManyRequests" | "signedOut" | "permission" | "notFound" | "gmailDown" | "refused"}`
  | `compose.failures.${"draftNotSaved" | "offline" | "invalidRecipients" | "signedOut" | "tooLarge"}`
  | `compose.uploadFailures.${"stopped" | "tooLarge" | "permission" | "refused"}`;

/** The root translator, or any function with its shape (tests use next-intl's createTranslator). */
export type FailureTranslate = (key: Key, values?: Record<string, string | number>) => string;

/** The catalogue's key (and its values) for a problem met in `context`. */
function sentenceOf(problem: RequestProblem, context: FailureContext): [Key, Record<string, string | number>?] {
  const { status, code } = problem;
  const compose = context === "compose";
  const upload = context === "upload";
  if (code === "draft_not_saved") return ["compose.failures.draftNotSaved"];
  if (status === 0) return [upload ? "compose.uploadFailures.stopped" : compose ? "compose.failures.offline" : "common.failures.offline"];
  if (problem.invalidRecipients?.length) return ["compose.failures.invalidRecipients", { addresses: problem.invalidRecipients.join(", ") }];
  if (status === 429) return ["common.failures.tooManyRequests"];
  if (status === 401) return [compose ? "compose.failures.signedOut" : "common.failures.signedOut"];
  if (status === 413 || code === "attachment_too_large") return [upload ? "compose.uploadFailures.tooLarge" : "compose.failures.tooLarge"];
  if (status === 403) return [upload ? "compose.uploadFailures.permission" : "common.failures.permission"];
  if (status === 404) return ["common.failures.notFound"];
  if (status >= 500) return ["common.failures.gmailDown"];
  if (status >= 400) return [upload ? "compose.uploadFailures.refused" : "common.failures.refused", { status }];
  return ["common.failures.generic"];
}

export function failureText(t: FailureTranslate, english: boolean, problem: RequestProblem, context: FailureContext = "action"): string {
  if (english && problem.apiMessage) {
    const invalid = problem.invalidRecipients ?? [];
    return invalid.length > 0 ? `${problem.apiMessage} (${invalid.join(", ")})` : problem.apiMessage;
  }
  const [key, values] = sentenceOf(problem, context);
  return t(key, values);
}
