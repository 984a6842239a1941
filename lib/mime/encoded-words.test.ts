import { describe, expect, it } from "vitest";

import { decodeEncodedWords } from "./encoded-words";

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");

describe("decodeEncodedWords", () => {
  it("decodes B and Q words in UTF-8", () => {
    expect(decodeEncodedWords("=?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4g8J+OiQ==?=")).toBe("Grüße aus Köln 🎉");
    expect(decodeEncodedWords("=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=")).toBe("Grüße aus Köln");
  });

  it("decodes other charsets Node knows", () => {
    expect(decodeEncodedWords("=?windows-1255?B?+ezl7SDy5ezt?=")).toBe("שלום עולם");
    expect(decodeEncodedWords("=?ISO-8859-1?Q?Caf=E9?=")).toBe("Café");
    expect(decodeEncodedWords("=?iso-8859-8?Q?=F9=EC=E5=ED?=")).toBe("שלום");
    expect(decodeEncodedWords("=?UTF-8*en?Q?hello?=")).toBe("hello");
  });

  it("accepts unpadded base64", () => {
    expect(decodeEncodedWords("=?UTF-8?B?SGk?=")).toBe("Hi");
  });

  it("joins adjacent encoded words without the whitespace between them", () => {
    expect(decodeEncodedWords("=?UTF-8?Q?a?= =?UTF-8?Q?b?=")).toBe("ab");
    expect(decodeEncodedWords("=?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?=")).toBe("ab");
    expect(decodeEncodedWords("=?UTF-8?Q?a?=  \t =?ISO-8859-1?Q?=E9?=")).toBe("aé");
  });

  it("keeps whitespace between encoded words and ordinary text", () => {
    expect(decodeEncodedWords("Re: =?UTF-8?Q?caf=C3=A9?= time")).toBe("Re: café time");
    expect(decodeEncodedWords("=?UTF-8?Q?a?= and =?UTF-8?Q?b?=")).toBe("a and b");
  });

  it("rejoins a multi-byte character split across two words", () => {
    const bytes = Buffer.from("日本語", "utf8");
    const value = `=?UTF-8?B?${b64(bytes.subarray(0, 4))}?= =?UTF-8?B?${b64(bytes.subarray(4))}?=`;
    expect(decodeEncodedWords(value)).toBe("日本語");
  });

  it("leaves malformed or undecodable words exactly as they are", () => {
    for (const value of [
      "=?UTF-8?X?abc?=",
      "=?klingon?Q?abc?=",
      "=?UTF-8?B?@@@@?=",
      "=?UTF-8?B?A?=",
      "=?UTF-8?Q?bad=ZZhex?=",
      "=?UTF-8?Q?unterminated",
      "=??Q?abc?=",
      "plain =? text ?= here",
    ]) {
      expect(decodeEncodedWords(value)).toBe(value);
    }
  });

  it("decodes the good words next to a bad one and keeps the gap around the bad one", () => {
    expect(decodeEncodedWords("=?UTF-8?Q?ok?= =?nope?Q?x?= =?UTF-8?Q?ok?=")).toBe("ok =?nope?Q?x?= ok");
  });

  it("returns plain values unchanged, apart from unfolding", () => {
    expect(decodeEncodedWords("")).toBe("");
    expect(decodeEncodedWords("Hello, world")).toBe("Hello, world");
    expect(decodeEncodedWords("long\r\n subject")).toBe("long subject");
  });
});
