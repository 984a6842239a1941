import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { type FailureContext, type FailureTranslate, failureText } from "./failure-text";
import { type RequestProblem, UNREACHABLE, localProblem, problemOf } from "./request-failure";
import { messagesFor } from "@/lib/i18n/messages";

const english: FailureTranslate = createTranslator({ locale: "en-US", messages: messagesFor("en") });
const hebrew: FailureTranslate = createTranslator({ locale: "he-IL", messages: messagesFor("he") });

const say = (language: "en" | "he", problem: RequestProblem, context?: FailureContext) =>
  failureText(language === "en" ? english : hebrew, language === "en", problem, context);

describe("failureText", () => {
  it("shows the API's own sentence on an English page, and the catalogue's by code and status on a Hebrew one", () => {
    const rateLimited = problemOf(429, { error: { code: "rate_limited", message: "Gmail asks Mailroom to wait 30 seconds." } });
    expect(say("en", rateLimited)).toBe("Gmail asks Mailroom to wait 30 seconds.");
    expect(say("he", rateLimited)).toBe("\u200fGmail מקבל כרגע יותר מדי בקשות. כדאי לנסות שוב בעוד רגע.");
  });

  it("says the same thing in English when the API wrote nothing (a proxy's page, no connection)", () => {
    expect(say("en", problemOf(503, "<html>"))).toBe("Gmail did not answer properly. Try again in a moment.");
    expect(say("en", problemOf(418, null))).toBe("The request was refused (HTTP 418).");
    expect(say("he", problemOf(418, null))).toBe("הבקשה נדחתה (HTTP 418).");
    expect(say("en", UNREACHABLE)).toBe("Mailroom could not be reached. Check your connection and try again.");
  });

  it("lets the place shape the sentence: the composer keeps the text, an upload speaks of the file", () => {
    expect(say("en", UNREACHABLE, "compose")).toBe(
      "Mailroom could not be reached. Check your connection; your text is kept in this browser.",
    );
    expect(say("he", UNREACHABLE, "upload")).toBe("ההעלאה נעצרה: אין חיבור אל Mailroom.");
    expect(say("en", problemOf(413, null), "upload")).toBe("The file is larger than Gmail accepts (25 MB).");
    expect(say("he", problemOf(413, null), "compose")).toBe("הקבצים המצורפים גדולים ממה ש-Gmail מקבל (25MB בסך הכול).");
    expect(say("en", problemOf(401, null), "action")).toBe(
      "Your session or Gmail's permission has ended. Reload the page and sign in again.",
    );
    expect(say("en", problemOf(403, null), "upload")).toBe(
      "Mailroom needs permission to write mail in this account before it can attach files.",
    );
    expect(say("he", localProblem("draft_not_saved"), "compose")).toBe("לא ניתן היה לשמור את הטיוטה, ולכן היא לא נשלחה.");
  });

  it("names the addresses Gmail refused, in either language", () => {
    const refused = problemOf(400, {
      error: { code: "invalid_recipients", message: "Gmail refused 1 address.", invalidRecipients: ["x@"] },
    });
    expect(say("en", refused, "compose")).toBe("Gmail refused 1 address. (x@)");
    expect(say("he", refused, "compose")).toBe("\u200fGmail סירב לכתובות האלה: x@");
  });

  it("has a Hebrew sentence for every status, none left in English", () => {
    for (const context of ["action", "compose", "upload"] as const) {
      for (const status of [0, 400, 401, 403, 404, 409, 413, 429, 500, 503]) {
        const text = say("he", problemOf(status, null), context);
        expect(text).toMatch(/[\u0590-\u05FF]/);
        expect(text).not.toContain("failures.");
      }
    }
  });
});
