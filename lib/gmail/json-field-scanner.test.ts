import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JsonFieldScanner } from "./json-field-scanner";

/** Scans `json` cut into pieces of `cut` bytes; answers the field's text and the scanner. */
function scan(json: string, field: string, cut = 7) {
  const scanner = new JsonFieldScanner(field);
  const bytes = Buffer.from(json, "utf8");
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += cut) out.push(scanner.push(bytes.subarray(at, at + cut)));
  scanner.end();
  return { text: Buffer.concat(out).toString("latin1"), scanner };
}

describe("JsonFieldScanner", () => {
  const data = randomBytes(5000).toString("base64url");

  it("hands on exactly the field's characters, however the answer is cut", () => {
    const json = JSON.stringify({ size: 5000, data });
    for (const cut of [1, 2, 3, 64, 4096, json.length]) expect(scan(json, "data", cut).text).toBe(data);
  });

  it("keeps the top-level numbers, before or after the field, and skips other fields whatever they hold", () => {
    const json = JSON.stringify(
      { attachmentId: 'AN"x\\y', nested: { data: "not this", list: [1, "}", { a: [] }] }, data, size: 5000, flag: true, none: null },
      null,
      2,
    );
    const { text, scanner } = scan(json, "data");
    expect(text).toBe(data);
    expect(scanner.numbers.get("size")).toBe(5000);
    expect(scanner.complete).toBe(true);
  });

  it("reads the field named, so format=raw's `raw` streams the same way", () => {
    const json = JSON.stringify({ id: "18c", snippet: 'a "quoted" snippet', sizeEstimate: 12, raw: data });
    const { text, scanner } = scan(json, "raw", 5);
    expect(text).toBe(data);
    expect(scanner.numbers.get("sizeEstimate")).toBe(12);
  });

  it("turns an escaped slash back into a slash (standard base64 may be sent that way)", () => {
    expect(scan('{"data":"ab\\/cd+/=="}', "data", 1).text).toBe("ab/cd+/==");
  });

  it("hands on nothing when the field is absent (an empty attachment)", () => {
    const { text, scanner } = scan('{"size":0}', "data");
    expect(text).toBe("");
    expect(scanner.complete).toBe(false);
  });

  it.each([
    ["an answer cut inside the field", '{"size":3,"data":"abc'],
    ["an answer cut before the object closes", '{"size":3,"data":"abc"'],
    ["an escape base64 cannot hold", '{"data":"ab\\ncd"}'],
    ["something other than an object", '["data"]'],
    ["text after the object", '{"data":"ab"} {}'],
  ])("refuses %s", (_label, json) => {
    expect(() => scan(json, "data", 3)).toThrow();
  });
});
