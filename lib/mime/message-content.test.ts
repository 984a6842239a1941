import { type gmail_v1 } from "@googleapis/gmail";
import { describe, expect, it } from "vitest";

import { extractMessageContent } from "./message-content";

type Part = gmail_v1.Schema$MessagePart;

const b64url = (bytes: Uint8Array | string, pad = false) => {
  const encoded = Buffer.from(bytes).toString("base64url");
  return pad ? encoded.padEnd(Math.ceil(encoded.length / 4) * 4, "=") : encoded;
};

function leaf(partId: string, mimeType: string, content: Uint8Array | string, contentType = `${mimeType}; charset="UTF-8"`): Part {
  const data = b64url(content);
  return {
    partId,
    mimeType,
    filename: "",
    headers: [{ name: "Content-Type", value: contentType }],
    body: { size: Buffer.from(content).length, data },
  };
}

function multipart(partId: string, subtype: string, parts: Part[]): Part {
  return { partId, mimeType: `multipart/${subtype}`, filename: "", headers: [], body: { size: 0 }, parts };
}

const pdf: Part = {
  partId: "1",
  mimeType: "application/pdf",
  filename: "report.pdf",
  headers: [{ name: "Content-Disposition", value: 'attachment; filename="report.pdf"' }],
  body: { attachmentId: "ANGjdJ8w", size: 48213 },
};

describe("extractMessageContent", () => {
  it("reads the spec's mixed(alternative(plain, html), pdf) message", () => {
    const payload = multipart("", "mixed", [
      multipart("0", "alternative", [
        leaf("0.0", "text/plain", "Hi Ann, here's the report\n"),
        leaf("0.1", "text/html", "<div>Hi Ann</div>"),
      ]),
      pdf,
    ]);
    expect(extractMessageContent(payload)).toEqual({
      text: "Hi Ann, here's the report\n",
      html: "<div>Hi Ann</div>",
      attachments: [{ filename: "report.pdf", mimeType: "application/pdf", size: 48213, attachmentId: "ANGjdJ8w", partId: "1" }],
    });
  });

  it("reads single-part messages", () => {
    expect(extractMessageContent(leaf("", "text/plain", "just text"))).toEqual({ text: "just text", html: null, attachments: [] });
    expect(extractMessageContent(leaf("", "text/html", "<p>x</p>"))).toEqual({ text: null, html: "<p>x</p>", attachments: [] });
  });

  it("prefers the richest alternative, including a related tree with inline images", () => {
    const inlineImage: Part = {
      partId: "0.1.1",
      mimeType: "image/png",
      filename: "logo.png",
      headers: [
        { name: "Content-Disposition", value: "inline" },
        { name: "Content-ID", value: "<logo>" },
      ],
      body: { attachmentId: "IMG", size: 120 },
    };
    const payload = multipart("", "alternative", [
      leaf("0", "text/plain", "plain"),
      multipart("1", "related", [leaf("1.0", "text/html", '<img src="cid:logo">'), inlineImage]),
    ]);
    const content = extractMessageContent(payload);
    expect(content.text).toBe("plain");
    expect(content.html).toBe('<img src="cid:logo">');
    expect(content.attachments.map((a) => a.filename)).toEqual(["logo.png"]);
  });

  it("joins several inline bodies of a mixed message, such as a list footer", () => {
    const payload = multipart("", "mixed", [leaf("0", "text/plain", "body"), leaf("1", "text/plain", "-- footer")]);
    expect(extractMessageContent(payload).text).toBe("body\n\n-- footer");
  });

  it("decodes each part with its declared charset", () => {
    const cases: [string, Uint8Array | string, string][] = [
      ["text/plain; charset=utf-8", "Grüße 🎉", "Grüße 🎉"],
      ["text/plain; charset=ISO-8859-1", Uint8Array.of(0x43, 0x61, 0x66, 0xe9), "Café"],
      ["text/plain; charset=latin1", Uint8Array.of(0xe9), "é"],
      ['text/plain; charset="windows-1255"', Uint8Array.of(0xf9, 0xec, 0xe5, 0xed), "שלום"],
      ["text/plain; charset=windows-1252", Uint8Array.of(0x93, 0x68, 0x69, 0x94), "\u201chi\u201d"],
      ["text/plain; charset=us-ascii", "plain", "plain"],
      ["text/plain; charset=x-unknown", "naïve", "naïve"],
      ["text/plain", "naïve", "naïve"],
      ["text/plain; format=flowed; CHARSET = iso-8859-1 ; delsp=yes", Uint8Array.of(0xe9), "é"],
    ];
    for (const [contentType, bytes, expected] of cases) {
      expect(extractMessageContent(leaf("", "text/plain", bytes, contentType)).text, contentType).toBe(expected);
    }
  });

  it("uses an HTML meta charset when the Content-Type names none", () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1255"></head><body>'),
      Buffer.from([0xf9, 0xec, 0xe5, 0xed]),
    ]);
    expect(extractMessageContent(leaf("", "text/html", html, "text/html")).html).toContain("שלום");
  });

  it("accepts padded and unpadded base64url", () => {
    const text = "ab?>~~"; // encodes to characters that differ between base64 and base64url
    const part = leaf("", "text/plain", text);
    expect(extractMessageContent(part).text).toBe(text);
    expect(extractMessageContent({ ...part, body: { data: b64url(text, true) } }).text).toBe(text);
    expect(extractMessageContent({ ...part, body: { data: b64url("a", true) } }).text).toBe("a");
    expect(extractMessageContent({ ...part, body: { data: Buffer.from("ab?>~~").toString("base64") } }).text).toBe(text);
  });

  it("never picks an attachment as the body, and lists it", () => {
    const attachedText: Part = { ...leaf("1", "text/plain", "notes"), filename: "notes.txt" };
    const attachedHtml: Part = {
      ...leaf("2", "text/html", "<p>page</p>"),
      headers: [
        { name: "Content-Disposition", value: "attachment" },
        { name: "Content-Type", value: 'text/html; name="=?UTF-8?Q?p=C3=A1gina.html?="' },
      ],
    };
    const payload = multipart("", "mixed", [leaf("0", "text/plain", "the body"), attachedText, attachedHtml]);
    const content = extractMessageContent(payload);
    expect(content.text).toBe("the body");
    expect(content.html).toBeNull();
    expect(content.attachments).toEqual([
      { filename: "notes.txt", mimeType: "text/plain", size: 5, attachmentId: null, partId: "1" },
      { filename: "página.html", mimeType: "text/html", size: 11, attachmentId: null, partId: "2" },
    ]);
  });

  it("reads RFC 2231 filenames from Content-Disposition", () => {
    const part: Part = {
      partId: "1",
      mimeType: "application/octet-stream",
      filename: "",
      headers: [{ name: "content-disposition", value: "attachment; filename*=UTF-8''%E2%82%AC%20rates.xlsx" }],
      body: { attachmentId: "A", size: 10 },
    };
    expect(extractMessageContent(multipart("", "mixed", [part])).attachments[0]?.filename).toBe("€ rates.xlsx");
  });

  it("leaves out bodies Gmail sent only by attachmentId", () => {
    const big: Part = { partId: "0", mimeType: "text/html", filename: "", headers: [], body: { attachmentId: "BIG", size: 9_000_000 } };
    expect(extractMessageContent(multipart("", "mixed", [big]))).toEqual({ text: null, html: null, attachments: [] });
  });

  it("copes with missing and odd fields", () => {
    expect(extractMessageContent(undefined)).toEqual({ text: null, html: null, attachments: [] });
    expect(extractMessageContent({})).toEqual({ text: null, html: null, attachments: [] });
    expect(extractMessageContent({ mimeType: "multipart/mixed" })).toEqual({ text: null, html: null, attachments: [] });
    expect(extractMessageContent({ mimeType: "TEXT/PLAIN", body: { data: b64url("caps") } }).text).toBe("caps");
    expect(
      extractMessageContent({ headers: [{ name: "Content-Type", value: "text/html; charset=utf-8" }], body: { data: b64url("<b>x</b>") } })
        .html,
    ).toBe("<b>x</b>");
    const odd: Part = { mimeType: "image/gif", filename: "a.gif", body: { size: -1 } };
    expect(extractMessageContent(odd).attachments).toEqual([
      { filename: "a.gif", mimeType: "image/gif", size: 0, attachmentId: null, partId: "" },
    ]);
  });

  it("survives absurdly deep nesting", () => {
    let part: Part = leaf("x", "text/plain", "deep");
    for (let i = 0; i < 1000; i++) part = multipart(String(i), "mixed", [part]);
    expect(() => extractMessageContent(part)).not.toThrow();
  });
});
