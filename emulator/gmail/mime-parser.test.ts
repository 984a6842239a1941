import { describe, expect, it } from "vitest";
import { decodeEncodedWords, parseContentType } from "./mime-headers";
import { INLINE_BODY_LIMIT_BYTES, type MessagePart, parseMessage } from "./mime-parser";

const parse = (text: string | Buffer) =>
  parseMessage(typeof text === "string" ? Buffer.from(text, "latin1") : text, { attachmentIdFor: (partId) => `att-${partId}` });

const data = (part: MessagePart | undefined) => Buffer.from(part?.body.data ?? "", "base64url");

describe("parseMessage", () => {
  it("parses a simple message into a root payload with base64url data", () => {
    const raw =
      "From: Grace <grace@example.com>\r\nSubject: Hi\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello Ada,\r\nit's done.\r\n";
    const parsed = parse(raw);
    expect(parsed.payload.partId).toBe("");
    expect(parsed.payload.mimeType).toBe("text/plain");
    expect(parsed.payload.filename).toBe("");
    expect(parsed.payload.headers).toEqual([
      { name: "From", value: "Grace <grace@example.com>" },
      { name: "Subject", value: "Hi" },
      { name: "Content-Type", value: "text/plain; charset=UTF-8" },
    ]);
    expect(data(parsed.payload).toString("utf8")).toBe("Hello Ada,\r\nit's done.\r\n");
    expect(parsed.payload.body.size).toBe(Buffer.byteLength("Hello Ada,\r\nit's done.\r\n"));
    expect(parsed.payload.body.data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parsed.snippet).toBe("Hello Ada, it&#39;s done.");
    expect(parsed.sizeEstimate).toBe(raw.length);
  });

  it("hands a large body back by attachmentId and size, as Gmail does, without counting it as an attachment", () => {
    const html = `<p>${"x".repeat(INLINE_BODY_LIMIT_BYTES)}</p>`;
    const parsed = parse(`Subject: Big\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
    expect(parsed.payload.body).toEqual({ attachmentId: "att-", size: html.length });
    expect(parsed.attachments).toEqual([]);
    expect(parsed.referencedBodies.map((body) => body.data.toString("latin1"))).toEqual([html]);
    // A body at the limit is still inline.
    const small = parse(`Subject: Small\r\n\r\n${"y".repeat(INLINE_BODY_LIMIT_BYTES)}`);
    expect(small.payload.body.size).toBe(INLINE_BODY_LIMIT_BYTES);
    expect(small.payload.body.data).toBeDefined();
  });

  it("unfolds headers, keeps their order and case, and decodes RFC 2047 words", () => {
    const hebrew = Buffer.from([0xf9, 0xec, 0xe5, 0xed]).toString("base64"); // שלום in windows-1255
    const raw = [
      `Subject: =?windows-1255?B?${hebrew}?=`,
      "X-Mixed-CASE: folded",
      "\tcontinuation",
      "To: =?ISO-8859-1?Q?Ren=E9e?= <renee@example.com>",
      "Cc: =?UTF-8?B?8J+O?= =?UTF-8?B?iQ==?= party",
      "",
      "body",
    ].join("\r\n");
    const headers = parse(raw).payload.headers;
    expect(headers.map((h) => h.name)).toEqual(["Subject", "X-Mixed-CASE", "To", "Cc"]);
    expect(headers[0]?.value).toBe("שלום");
    expect(headers[1]?.value).toBe("folded\tcontinuation");
    expect(headers[2]?.value).toBe("Renée <renee@example.com>");
    // A four-byte emoji split across two encoded-words, joined at the byte level.
    expect(headers[3]?.value).toBe("🎉 party");
  });

  it("builds the part tree with Gmail's part ids, containers and attachments", () => {
    const raw = [
      "Subject: Report",
      'Content-Type: multipart/mixed; boundary="outer"',
      "",
      "preamble",
      "--outer",
      'Content-Type: multipart/alternative; boundary="inner"',
      "",
      "--inner",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Caf=C3=A9 is open=",
      " today",
      "--inner",
      "Content-Type: text/html; charset=UTF-8",
      "",
      "<p>Caf&eacute;</p><script>alert(1)</script>",
      "--inner--",
      "--outer",
      'Content-Type: application/pdf; name="report.pdf"',
      'Content-Disposition: attachment; filename="report.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("%PDF-1.4 fake").toString("base64"),
      "--outer",
      "Content-Type: text/plain; name*=UTF-8''%E2%82%AC-notes.txt",
      "",
      "euro notes",
      "--outer--",
      "epilogue",
    ].join("\r\n");
    const parsed = parse(raw);
    const root = parsed.payload;
    expect(root.mimeType).toBe("multipart/mixed");
    expect(root.body).toEqual({ size: 0 });
    expect(root.parts?.map((p) => p.partId)).toEqual(["0", "1", "2"]);
    const alternative = root.parts?.[0];
    expect(alternative?.body).toEqual({ size: 0 });
    expect(alternative?.parts?.map((p) => [p.partId, p.mimeType])).toEqual([
      ["0.0", "text/plain"],
      ["0.1", "text/html"],
    ]);
    expect(data(alternative?.parts?.[0]).toString("utf8")).toBe("Café is open today");
    const pdf = root.parts?.[1];
    expect(pdf?.filename).toBe("report.pdf");
    expect(pdf?.body).toEqual({ attachmentId: "att-1", size: 13 });
    expect(root.parts?.[2]?.filename).toBe("€-notes.txt");
    expect(parsed.attachments.map((a) => [a.filename, a.data.toString("latin1")])).toEqual([
      ["report.pdf", "%PDF-1.4 fake"],
      ["€-notes.txt", "euro notes"],
    ]);
    expect(parsed.snippet).toBe("Café is open today");
  });

  it("keeps body bytes in their charset but decodes them for the snippet", () => {
    const body = Buffer.from([0xf9, 0xec, 0xe5, 0xed, 0x20, 0xf2, 0xe3, 0xe4]); // "שלום עדה"
    const raw = Buffer.concat([
      Buffer.from("Subject: x\r\nContent-Type: text/plain; charset=windows-1255\r\nContent-Transfer-Encoding: 8bit\r\n\r\n", "latin1"),
      body,
    ]);
    const parsed = parse(raw);
    expect(data(parsed.payload)).toEqual(body);
    expect(parsed.snippet).toBe("שלום עדה");
  });

  it("reads an ISO-8859-1 quoted-printable body", () => {
    const parsed = parse(
      "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nCh=E8re Ada, Z=FCrich\n",
    );
    expect([...data(parsed.payload)]).toContain(0xe8);
    expect(parsed.bodyText).toBe("Chère Ada, Zürich\n");
  });

  it("builds a snippet from HTML when there is no text part, without scripts, escaped", () => {
    const parsed = parse('Content-Type: text/html\r\n\r\n<html><script>evil()</script><p>Tom &amp; Jerry say "hi" &lt;3</p></html>');
    expect(parsed.snippet).toBe("Tom &amp; Jerry say &quot;hi&quot; &lt;3");
  });

  it("defaults to text/plain, accepts LF line endings and truncates long snippets", () => {
    const parsed = parse(`Subject: long\n\n${"word ".repeat(100)}`);
    expect(parsed.payload.mimeType).toBe("text/plain");
    expect(Array.from(parsed.snippet).length).toBeLessThanOrEqual(200);
    expect(parsed.snippet.startsWith("word word")).toBe(true);
  });

  it("gives an empty body size 0 and no data", () => {
    expect(parse("Subject: empty\r\n\r\n").payload.body).toEqual({ size: 0 });
  });
});

describe("header helpers", () => {
  it("leaves text without encoded words alone and keeps text around them", () => {
    expect(decodeEncodedWords("plain text")).toBe("plain text");
    expect(decodeEncodedWords("Re: =?UTF-8?Q?caf=C3=A9?= time")).toBe("Re: café time");
  });

  it("parses content types with quoted and continued parameters", () => {
    const type = parseContentType('Multipart/Mixed; boundary="a;b"; name*0="long"; name*1="-name.txt"');
    expect(type.mimeType).toBe("multipart/mixed");
    expect(type.params.get("boundary")).toBe("a;b");
    expect(type.params.get("name")).toBe("long-name.txt");
  });
});
