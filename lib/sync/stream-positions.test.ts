import { describe, expect, it } from "vitest";
import { decodeStreamPositions, encodeStreamPositions } from "./stream-positions";

describe("stream positions", () => {
  it("round-trips each account's history id through one string without line breaks", () => {
    const encoded = encodeStreamPositions([
      ["ada@example.com", "123"],
      ["o'neil+tag@example.org", "18446744073709551615"],
    ]);
    expect(encoded).not.toMatch(/[\r\n]/);
    expect(decodeStreamPositions(encoded)).toEqual(
      new Map([
        ["ada@example.com", "123"],
        ["o'neil+tag@example.org", "18446744073709551615"],
      ]),
    );
  });

  it("refuses anything that is not a list of addresses with history ids", () => {
    for (const value of [
      "",
      "123",
      "ada%40example.com=12ab",
      "ada%40example.com=1&ada%40example.com=2",
      "not-an-address=1",
      "x".repeat(9000),
    ])
      expect(decodeStreamPositions(value), value).toBeNull();
  });
});
