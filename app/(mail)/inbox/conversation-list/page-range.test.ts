import { describe, expect, it } from "vitest";
import { english, hebrew } from "./list-translators.testing";
import { pageRangeText } from "./page-range";

describe("pageRangeText", () => {
  it("says about when Gmail's estimate runs past the page, as Gmail does", () => {
    expect(pageRangeText(english, 1, 25, 200)).toBe("1–25 of about 200");
    expect(pageRangeText(english, 26, 25, 200)).toBe("26–50 of about 200");
  });

  it("gives an exact total once the page reaches the estimate, or an estimate that fell short", () => {
    expect(pageRangeText(english, 176, 14, 189)).toBe("176–189 of 189");
    expect(pageRangeText(english, 1, 3, 2)).toBe("1–3 of 3");
  });

  it("says nothing for an empty page", () => {
    expect(pageRangeText(english, 1, 0, 200)).toBe("");
  });

  it("writes the numbers as the reader's language does, in Hebrew too", () => {
    expect(pageRangeText(english, 1001, 25, 20000)).toBe("1,001–1,025 of about 20,000");
    expect(pageRangeText(hebrew, 1, 25, 200)).toBe("1–25 מתוך כ-200");
    expect(pageRangeText(hebrew, 176, 14, 189)).toBe("176–189 מתוך 189");
    expect(pageRangeText(hebrew, 1001, 25, 20000)).toBe("1,001–1,025 מתוך כ-20,000");
  });
});
