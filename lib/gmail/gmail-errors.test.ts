import { describe, expect, it } from "vitest";
import { GmailResponseError, toAppError } from "./gmail-errors";

// What the official client throws: the response with Gmail's error envelope (or whatever else answered).
const clientError = (status: number, data: unknown) =>
  Object.assign(new Error(`Request failed with status code ${status}`), { status, response: { status, data } });
const gmailEnvelope = (status: number, reason: string) => ({
  error: {
    code: status,
    message: "Requested entity was not found.",
    errors: [{ message: "x", domain: "global", reason }],
    status: "NOT_FOUND",
  },
});

describe("toAppError", () => {
  it("maps Gmail's notFound to not_found, with our own message", () => {
    const error = toAppError(clientError(404, gmailEnvelope(404, "notFound")), "message");
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
    expect(error.message).toBe("This message does not exist in your mailbox.");
  });

  it("treats a 404 that is not Gmail's notFound as Gmail being unreachable, not as a missing message", () => {
    for (const error of [
      clientError(404, "<html><body>Not Found</body></html>"),
      new GmailResponseError(404),
      new GmailResponseError(404, { reason: "notFound" }),
    ]) {
      for (const what of ["message", "page", "labels"] as const) {
        const mapped = toAppError(error, what);
        expect(mapped.code).toBe("upstream_unavailable");
        expect(mapped.message).toMatch(/Gmail is not answering/);
      }
    }
  });
});
