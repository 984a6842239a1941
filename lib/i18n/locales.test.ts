import { describe, expect, it } from "vitest";
import { directionOf, formattingLocaleOf, interfaceLocaleOf, preferredLanguageTags } from "./locales";

describe("preferredLanguageTags", () => {
  it("orders by q, then by position, and drops what is not a language tag", () => {
    expect(preferredLanguageTags("fr-CH, fr;q=0.9, en;q=0.8")).toEqual(["fr-CH", "fr", "en"]);
    expect(preferredLanguageTags("en;q=0.5, he-IL;q=0.9")).toEqual(["he-IL", "en"]);
    expect(preferredLanguageTags("*, <script>, en;q=0")).toEqual([]);
    expect(preferredLanguageTags(null)).toEqual([]);
  });
});

describe("interfaceLocaleOf", () => {
  it("takes the first language the interface speaks, Hebrew's old code included, else English", () => {
    expect(interfaceLocaleOf(["he-IL", "en"])).toBe("he");
    expect(interfaceLocaleOf(["iw"])).toBe("he");
    expect(interfaceLocaleOf(["fr-CH", "he"])).toBe("he");
    expect(interfaceLocaleOf(["fr-CH", "de"])).toBe("en");
    expect(interfaceLocaleOf([])).toBe("en");
  });
});

describe("formattingLocaleOf", () => {
  it("keeps the person's region for the interface language, else the language's usual one", () => {
    expect(formattingLocaleOf("en", ["en-GB"])).toBe("en-GB");
    expect(formattingLocaleOf("en", ["fr-CH", "en-AU"])).toBe("en-AU");
    expect(formattingLocaleOf("en", ["he-IL"])).toBe("en-US");
    expect(formattingLocaleOf("he", ["en-GB"])).toBe("he-IL");
  });
});

describe("directionOf", () => {
  it("is right to left for Hebrew only", () => {
    expect(directionOf("he")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
  });
});
