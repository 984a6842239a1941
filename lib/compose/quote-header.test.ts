import { describe, expect, it } from "vitest";
import { plainTextOf } from "./composer-html";
import { quotedOriginal } from "./quote";
import type { ParentMessage } from "./reply-rules";

const parent: ParentMessage = {
  messageIdHeader: "<m2@mail.example>",
  references: null,
  subject: "Plans",
  from: "Grace Hopper <grace@example.com>",
  replyTo: null,
  to: "Ada Lovelace <ada@example.com>",
  cc: null,
  date: "Mon, 7 Dec 2026 10:00:00 +0000",
  html: null,
  text: "Shall we meet?",
};
const hebrew = { language: "he", locale: "he-IL", timeZone: "Asia/Jerusalem" } as const;
const english = { language: "en", locale: "en-US", timeZone: "America/New_York" } as const;
const FSI = "\u2068";
const PDI = "\u2069";

describe("the quote header a Hebrew writer's reply carries", () => {
  it("says ב-DATE, NAME <ADDR> כתב/ה: with the date in he-IL and the writer's zone, right to left", () => {
    const quote = quotedOriginal(parent, "reply", hebrew);
    // 10:00 UTC is 12:00 in Jerusalem in December.
    expect(quote).toContain(
      '<div class="gmail_attr" dir="rtl">ב-7 בדצמ׳ 2026, 12:00, <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi> כתב/ה:<br></div>',
    );
    expect(quote).toContain('<blockquote class="gmail_quote" dir="auto">Shall we meet?</blockquote>');
  });

  it("keeps the Latin name and address isolated in the text/plain part (FSI…PDI)", () => {
    const text = plainTextOf(`<p dir="auto">תודה, נתראה</p>${quotedOriginal(parent, "reply", hebrew)}`);
    expect(text).toContain(`ב-7 בדצמ׳ 2026, 12:00, ${FSI}Grace Hopper <grace@example.com>${PDI} כתב/ה:`);
    expect(text).toContain("> Shall we meet?");
  });

  it("writes a forward's block in Hebrew: הודעה שהועברה, מאת, תאריך, נושא, אל", () => {
    const text = plainTextOf(quotedOriginal(parent, "forward", hebrew));
    expect(text).toContain(
      [
        "---------- הודעה שהועברה ----------",
        `מאת: ${FSI}Grace Hopper <grace@example.com>${PDI}`,
        "תאריך: 7 בדצמ׳ 2026, 12:00",
        `נושא: ${FSI}Plans${PDI}`,
        `אל: ${FSI}Ada Lovelace <ada@example.com>${PDI}`,
      ].join("\n"),
    );
  });
});

describe("the quote header an English writer's reply carries", () => {
  it("is unchanged: On DATE, NAME <ADDR> wrote:, the date in the writer's zone", () => {
    const quote = quotedOriginal(parent, "reply", english);
    expect(quote).toContain(
      '<div class="gmail_attr">On Dec 7, 2026, 5:00 AM, <bdi>Grace Hopper &#60;grace@example.com&#62;</bdi> wrote:<br></div>',
    );
    expect(plainTextOf(quote)).toContain(`On Dec 7, 2026, 5:00 AM, ${FSI}Grace Hopper <grace@example.com>${PDI} wrote:`);
  });

  it("without a writer, keeps the original's Date header as it came", () => {
    expect(plainTextOf(quotedOriginal(parent, "forward"))).toContain(
      `---------- Forwarded message ---------\nFrom: ${FSI}Grace Hopper <grace@example.com>${PDI}\nDate: Mon, 7 Dec 2026 10:00:00 +0000\n`,
    );
  });
});
