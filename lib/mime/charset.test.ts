import { describe, expect, it } from "vitest";

import { decodeBytes, isKnownCharset } from "./charset";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("decodeBytes", () => {
  it("decodes the charsets mail commonly declares", () => {
    expect(decodeBytes(Buffer.from("Grüße 🎉", "utf8"), "utf-8")).toBe("Grüße 🎉");
    expect(decodeBytes(bytes(0x43, 0x61, 0x66, 0xe9), "iso-8859-1")).toBe("Café");
    expect(decodeBytes(bytes(0x43, 0x61, 0x66, 0xe9), "latin1")).toBe("Café");
    expect(decodeBytes(bytes(0xf9, 0xec, 0xe5, 0xed), "windows-1255")).toBe("שלום");
    expect(decodeBytes(bytes(0x93, 0x68, 0x69, 0x94, 0x80), "windows-1252")).toBe("\u201chi\u201d€");
    expect(decodeBytes(bytes(0x68, 0x69), "us-ascii")).toBe("hi");
  });

  it("accepts labels the way headers spell them", () => {
    expect(decodeBytes(bytes(0xe9), '"ISO-8859-1"')).toBe("é");
    expect(decodeBytes(bytes(0xe9), " Windows-1252 ")).toBe("é");
    expect(decodeBytes(bytes(0xe9), "iso-8859-1*fr")).toBe("é");
  });

  it("falls back to UTF-8 for unknown, empty or missing charsets", () => {
    const text = Buffer.from("naïve", "utf8");
    expect(decodeBytes(text, "x-made-up")).toBe("naïve");
    expect(decodeBytes(text, "utf-7")).toBe("naïve");
    expect(decodeBytes(text, "")).toBe("naïve");
    expect(decodeBytes(text, null)).toBe("naïve");
    expect(decodeBytes(text, undefined)).toBe("naïve");
    // WHATWG decodes ISO-2022-KR to a single U+FFFD; UTF-8 keeps the ASCII readable.
    expect(decodeBytes(Buffer.from("plain"), "iso-2022-kr")).toBe("plain");
  });

  it("replaces invalid sequences instead of throwing", () => {
    expect(decodeBytes(bytes(0x61, 0xff, 0x62), "utf-8")).toBe("a\ufffdb");
  });

  it("strips a UTF-8 byte order mark", () => {
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69), "utf-8")).toBe("hi");
  });
});

describe("isKnownCharset", () => {
  it("knows what TextDecoder knows", () => {
    expect(isKnownCharset("windows-1255")).toBe(true);
    expect(isKnownCharset("UTF-8")).toBe(true);
    expect(isKnownCharset("klingon")).toBe(false);
    expect(isKnownCharset("")).toBe(false);
    expect(isKnownCharset("iso-2022-kr")).toBe(false);
  });
});
