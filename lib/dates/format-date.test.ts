import { describe, expect, it } from "vitest";
import { fullDate, isKnownTimeZone, listDate } from "./format-date";

const paris = { timeZone: "Europe/Paris", locale: "en-GB" };
const now = new Date("2026-11-20T22:30:00Z"); // 23:30 on Nov 20 in Paris

describe("listDate", () => {
  it("writes the time for a date earlier today in the viewer's zone", () => {
    expect(listDate(new Date("2026-11-20T08:05:00Z"), paris, now)).toBe("9:05");
  });

  it("counts days in the viewer's zone, not the server's", () => {
    // 23:10 UTC on Nov 20 is already Nov 21 in Tokyo, and "now" there is Nov 21 too.
    const tokyo = { timeZone: "Asia/Tokyo", locale: "en-US" };
    expect(listDate(new Date("2026-11-20T23:10:00Z"), tokyo, new Date("2026-11-21T01:00:00Z"))).toMatch(/^8:10\sAM$/);
    expect(listDate(new Date("2026-11-20T08:05:00Z"), tokyo, new Date("2026-11-21T01:00:00Z"))).toBe("Nov 20");
  });

  it("writes month and day earlier this year, in the viewer's language", () => {
    expect(listDate(new Date("2026-03-02T12:00:00Z"), paris, now)).toBe("2 Mar");
    expect(listDate(new Date("2026-03-02T12:00:00Z"), { timeZone: "Europe/Paris", locale: "en-US" }, now)).toBe("Mar 2");
  });

  it("writes a numeric date for an earlier year", () => {
    expect(listDate(new Date("2025-11-20T12:00:00Z"), paris, now)).toBe("20/11/2025");
    expect(listDate(new Date("2025-11-20T12:00:00Z"), { timeZone: "UTC", locale: "en-US" }, now)).toBe("11/20/2025");
  });
});

describe("fullDate", () => {
  it("writes the whole local date and time, not UTC", () => {
    expect(fullDate(new Date("2026-11-20T22:30:00Z"), paris)).toBe("Friday, 20 November 2026 at 23:30");
  });
});

describe("isKnownTimeZone", () => {
  it("accepts zones Intl knows and refuses anything else", () => {
    expect(isKnownTimeZone("Europe/Paris")).toBe(true);
    expect(isKnownTimeZone("UTC")).toBe(true);
    expect(isKnownTimeZone("Asia/Calcutta")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
    expect(isKnownTimeZone("Europe/Paris; path=/")).toBe(false);
    expect(isKnownTimeZone("")).toBe(false);
  });
});
