import { describe, expect, it } from "vitest";
import { pageRangeText } from "./page-range";

describe("pageRangeText", () => {
  it("says about when Gmail's estimate runs past the page, as Gmail does", () => {
    expect(pageRangeText(1, 25, 200)).toBe("1–25 of about 200");
    expect(pageRangeText(26, 25, 200)).toBe("26–50 of about 200");
  });

  it("gives an exact total once the page reaches the estimate, or an estimate that fell short", () => {
    expect(pageRangeText(176, 14, 189)).toBe("176–189 of 189");
    expect(pageRangeText(1, 3, 2)).toBe("1–3 of 3");
  });

  it("says nothing for an empty page", () => {
    expect(pageRangeText(1, 0, 200)).toBe("");
  });
});
