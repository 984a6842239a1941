import { describe, expect, it } from "vitest";
import { withoutBidiControls } from "./bidi";

describe("withoutBidiControls", () => {
  it("shows a file name disguised with a right-to-left override with its real extension last", () => {
    const shown = withoutBidiControls("invoice\u202Efdp.exe");
    expect(shown).toBe("invoicefdp.exe");
    expect(shown.endsWith(".exe")).toBe(true);
    expect(shown).not.toContain(".pdf");
  });

  it("drops every embedding, override, isolate and mark, and nothing else", () => {
    const controls = [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
    ];
    for (const control of controls) {
      expect(withoutBidiControls(`a${control}b`)).toBe("ab");
    }
    expect(withoutBidiControls(controls.join(""))).toBe("");
  });

  it("keeps Hebrew, Arabic, emoji, joiners and ordinary punctuation as they are", () => {
    for (const text of ["דנה כהן", "סיכום הפגישה.docx", "مرحبا.txt", "👩‍💻 Ada (CEO) <ada@example.com>", "a\u200Db", "100% done; it's #1"]) {
      expect(withoutBidiControls(text)).toBe(text);
    }
  });

  it("drops every occurrence, not only the first", () => {
    expect(withoutBidiControls("\u202Ea\u202Eb\u202E")).toBe("ab");
  });
});
