// The browser's one call to POST /api/actions, turned into the three outcomes the list handles: done, the
// account needs the gmail.modify permission first, or failed with a message a person can read.
import type { Translate } from "./translate";
import type { ActionRequest, ActionResult } from "@/lib/mail/mail-actions";

/** How a failure is fixed: signing in again, trying again later (Gmail busy, offline), or not by the person. */
export type FailureFix = "sign_in" | "retry" | null;

export type ActionOutcome =
  | { kind: "done"; result: ActionResult }
  | { kind: "scope_required"; message: string }
  | { kind: "failed"; message: string; fix: FailureFix };

function fixFor(status: number): FailureFix {
  if (status === 401) return "sign_in";
  if (status === 429 || status >= 500) return "retry";
  return null;
}

type ErrorBody = { error?: { code?: unknown; message?: unknown } };

const OFFLINE = "Mailroom could not be reached. Check your connection and try again.";

function fallbackFor(status: number): string {
  if (status === 429) return "Gmail is getting too many requests right now. Try again in a moment.";
  if (status === 401) return "Your session or Gmail's permission has ended. Reload the page and sign in again.";
  if (status >= 500) return "Gmail did not answer properly. Try again in a moment.";
  return `The request was refused (HTTP ${status}).`;
}

function isActionResult(value: unknown): value is ActionResult {
  if (typeof value !== "object" || value === null) return false;
  const { applied, failed } = value as Partial<ActionResult>;
  return (
    typeof applied === "number" &&
    Array.isArray(failed) &&
    failed.every((item: unknown) => typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string")
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
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
    return { kind: "failed", message: OFFLINE, fix: "retry" };
  }
  const body = await readJson(response);
  if (response.ok) {
    return isActionResult(body) ? { kind: "done", result: body } : { kind: "failed", message: fallbackFor(502), fix: "retry" };
  }
  const error = (body as ErrorBody | null)?.error;
  // The API's messages are written to be shown (AppError); anything else gets ours.
  const message = typeof error?.message === "string" && error.message ? error.message : fallbackFor(response.status);
  if (response.status === 403 && error?.code === "scope_required") return { kind: "scope_required", message };
  return { kind: "failed", message, fix: fixFor(response.status) };
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
