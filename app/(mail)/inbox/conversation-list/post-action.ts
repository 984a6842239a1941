// The browser's one call to POST /api/actions, turned into the three outcomes the list handles: done, the
// account needs the gmail.modify permission first, or failed (what went wrong, and what fixes it).
import type { Translate } from "./translate";
import { type RequestProblem, UNREACHABLE, problemOf, readJsonBody } from "@/app/_components/request-failure";
import type { ActionRequest, ActionResult } from "@/lib/mail/mail-actions";

export type ActionOutcome =
  | { kind: "done"; result: ActionResult }
  | { kind: "scope_required"; problem: RequestProblem }
  /** failureFix(problem) says what fixes it. */
  | { kind: "failed"; problem: RequestProblem };

function isActionResult(value: unknown): value is ActionResult {
  if (typeof value !== "object" || value === null) return false;
  const { applied, failed } = value as Partial<ActionResult>;
  return (
    typeof applied === "number" &&
    Array.isArray(failed) &&
    failed.every((item: unknown) => typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string")
  );
}

export async function postAction(request: ActionRequest, fetchImpl: typeof fetch = fetch): Promise<ActionOutcome> {
  let response: Response;
  try {
    response = await fetchImpl("/api/actions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
      credentials: "same-origin",
    });
  } catch {
    return { kind: "failed", problem: UNREACHABLE };
  }
  const body = await readJsonBody(response);
  if (response.ok) {
    if (isActionResult(body)) return { kind: "done", result: body };
    // A success that is not Mailroom's answer (a proxy's page): as if Gmail had not answered properly.
    return { kind: "failed", problem: problemOf(502, null) };
  }
  const problem = problemOf(response.status, body);
  if (response.status === 403 && problem.code === "scope_required") return { kind: "scope_required", problem };
  return { kind: "failed", problem };
}

/** Whether items Gmail did not change may change on another try (it was busy), rather than never. */
export function failedItemsMayRetry(failed: ActionResult["failed"]): boolean {
  return failed.some(({ code }) => code === "unavailable" || code === "rate_limited" || code === "gmail_unavailable");
}

/** Why Gmail did not change some items, in words (the API's codes are for programs): "no longer in Gmail". */
export function reasonForFailedItems(
  t: Translate<"feedback.items.notFound" | "feedback.items.busy" | "feedback.items.refused">,
  failed: ActionResult["failed"],
): string {
  if (failed.length > 0 && failed.every(({ code }) => code === "not_found")) return t("feedback.items.notFound");
  if (failedItemsMayRetry(failed)) return t("feedback.items.busy");
  return t("feedback.items.refused");
}
