import { describe, expect, it } from "vitest";
import { english, hebrew } from "./list-translators.testing";
import { failedItemsMayRetry, reasonForFailedItems, postAction } from "./post-action";
import { failureFix } from "@/app/_components/request-failure";

function answering(status: number, body: unknown): typeof fetch {
  return () => Promise.resolve(new Response(typeof body === "string" ? body : JSON.stringify(body), { status }));
}

const request = { account: "ada@example.com", action: "archive" as const, threadIds: ["a"] };

describe("postAction", () => {
  it("reads a result", async () => {
    expect(await postAction(request, answering(200, { applied: 1, failed: [] }))).toEqual({
      kind: "done",
      result: { applied: 1, failed: [] },
    });
  });

  it("tells a missing permission from other refusals", async () => {
    const scope = {
      error: {
        code: "scope_required",
        scope: "https://www.googleapis.com/auth/gmail.modify",
        authorizeUrl: "/x",
        message: "Allow changes",
      },
    };
    expect(await postAction(request, answering(403, scope))).toEqual({
      kind: "scope_required",
      problem: { status: 403, code: "scope_required", apiMessage: "Allow changes" },
    });
    expect((await postAction(request, answering(403, { error: { code: "forbidden", message: "No." } }))).kind).toBe("failed");
  });

  it("keeps what went wrong, never a body that is not the API's", async () => {
    const problemOf = async (fetchImpl: typeof fetch) => {
      const outcome = await postAction(request, fetchImpl);
      return outcome.kind === "failed" ? outcome.problem : outcome.kind;
    };
    expect(await problemOf(() => Promise.reject(new TypeError("Failed to fetch")))).toEqual({ status: 0, code: null, apiMessage: null });
    expect(await problemOf(answering(429, ""))).toEqual({ status: 429, code: null, apiMessage: null });
    expect(await problemOf(answering(500, "<html>"))).toEqual({ status: 500, code: null, apiMessage: null });
    expect(await problemOf(answering(502, { error: { code: "gmail_unavailable", message: "Gmail is not answering." } }))).toEqual({
      status: 502,
      code: "gmail_unavailable",
      apiMessage: "Gmail is not answering.",
    });
    // A success that is not an action's result (a proxy's page): as if Gmail had not answered properly.
    expect(await problemOf(answering(200, { ok: true }))).toEqual({ status: 502, code: null, apiMessage: null });
  });

  it("says what fixes each failure: signing in again, trying again, or neither", async () => {
    const fixOf = async (fetchImpl: typeof fetch) => {
      const outcome = await postAction(request, fetchImpl);
      return outcome.kind === "failed" ? failureFix(outcome.problem) : outcome.kind;
    };
    expect(await fixOf(answering(401, { error: { code: "unauthenticated", message: "Sign in to continue." } }))).toBe("sign_in");
    expect(await fixOf(answering(429, { error: { code: "rate_limited", message: "Slow down." } }))).toBe("retry");
    expect(await fixOf(answering(503, ""))).toBe("retry");
    expect(await fixOf(() => Promise.reject(new TypeError("Failed to fetch")))).toBe("retry");
    expect(await fixOf(answering(400, { error: { code: "bad_request", message: "No." } }))).toBeNull();
  });

  it("knows which items Gmail may change on another try", () => {
    expect(failedItemsMayRetry([{ id: "a", code: "unavailable" }])).toBe(true);
    expect(failedItemsMayRetry([{ id: "a", code: "not_found" }])).toBe(false);
  });

  it("describes items Gmail did not change", () => {
    expect(reasonForFailedItems(english, [{ id: "a", code: "not_found" }])).toBe("no longer in Gmail");
    expect(reasonForFailedItems(hebrew, [{ id: "a", code: "not_found" }])).toBe("כבר לא נמצאות ב-Gmail");
    expect(
      reasonForFailedItems(english, [
        { id: "a", code: "not_found" },
        { id: "b", code: "invalid" },
      ]),
    ).toBe("Gmail refused the change");
  });
});
