import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { sendFailureText } from "./send-failure-text";
import { messagesFor } from "@/lib/i18n/messages";
import { SEND_FAILURES, sendFailureSentence } from "@/lib/send/send-failure";

const english = createTranslator({ locale: "en-US", messages: messagesFor("en"), namespace: "compose" });
const hebrew = createTranslator({ locale: "he-IL", messages: messagesFor("he"), namespace: "compose" });

describe("a failed send's reason", () => {
  it("is said by its code in the page's language, as the API says it in English", () => {
    expect(sendFailureText(hebrew, { reason: sendFailureSentence("deleted"), reasonCode: "deleted" })).toBe("לא נשלחה: הטיוטה שלה נמחקה.");
    expect(sendFailureText(english, { reasonCode: "deleted" })).toBe(sendFailureSentence("deleted"));
  });

  it("has words in both languages for every code", () => {
    for (const code of SEND_FAILURES) {
      expect(sendFailureText(english, { reasonCode: code })).toMatch(/^Not sent: /);
      expect(sendFailureText(hebrew, { reasonCode: code })).toMatch(/^לא נשלחה: /);
    }
  });

  it("shows the sentence kept by a send that failed before reasons were codes", () => {
    const legacy = "The message was not sent: its draft was deleted.";
    expect(sendFailureText(hebrew, { reason: legacy })).toBe(legacy);
    expect(sendFailureText(hebrew, {})).toBe("לא נשלחה: \u200fGmail סירב לשלוח אותה. הטיוטה נשמרה.");
  });
});
