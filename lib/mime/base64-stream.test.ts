import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Base64StreamDecoder } from "./base64-stream";

const ascii = (text: string) => Buffer.from(text, "latin1");

/** Decodes `text` cut into pieces of the given lengths (the rest in one last piece). */
function decodeInPieces(text: string, lengths: readonly number[]): Buffer {
  const decoder = new Base64StreamDecoder();
  const out: Uint8Array[] = [];
  let at = 0;
  for (const length of lengths) {
    out.push(decoder.push(ascii(text.slice(at, at + length))));
    at += length;
  }
  out.push(decoder.push(ascii(text.slice(at))), decoder.end());
  return Buffer.concat(out);
}

describe("Base64StreamDecoder", () => {
  it("decodes the same bytes wherever the text is cut, one character at a time included", () => {
    const bytes = randomBytes(1000);
    for (const encoded of [bytes.toString("base64url"), bytes.toString("base64")]) {
      for (const cut of [1, 2, 3, 5, 7, 64, 333]) {
        const lengths = Array.from({ length: Math.ceil(encoded.length / cut) }, () => cut);
        expect(decodeInPieces(encoded, lengths).equals(bytes)).toBe(true);
      }
    }
  });

  it("reads every length of final quantum, padded or not", () => {
    for (let length = 0; length <= 9; length++) {
      const bytes = randomBytes(length);
      const padded = bytes.toString("base64");
      const unpadded = bytes.toString("base64url");
      expect(decodeInPieces(padded, [padded.length - 1]).equals(bytes)).toBe(true);
      expect(decodeInPieces(unpadded, [Math.floor(unpadded.length / 2)]).equals(bytes)).toBe(true);
    }
  });

  it("skips whitespace and line breaks, as MIME wraps base64 at 76 characters", () => {
    const bytes = randomBytes(200);
    const wrapped = bytes.toString("base64").replace(/.{76}/g, "$&\r\n");
    expect(decodeInPieces(wrapped, [77, 1, 1]).equals(bytes)).toBe(true);
  });

  it("counts the bytes it decoded", () => {
    const decoder = new Base64StreamDecoder();
    decoder.push(ascii("aGVsbG8"));
    decoder.end();
    expect(decoder.size).toBe(5);
  });

  it.each([
    ["a character outside both alphabets", "aGVs*G8"],
    ["data after the padding", "aGU=bG8"],
    ["padding after one character", "aGVsb==="],
    ["padding where a quantum starts", "aGVs="],
    ["a text that ends in the middle of a byte", "aGVsb"],
  ])("refuses %s", (_label, text) => {
    expect(() => decodeInPieces(text, [3])).toThrow();
  });
});
