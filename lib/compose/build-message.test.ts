import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { decodeEncodedWords } from "../mime/encoded-words";
import { type OutgoingMessage, buildMessageStream } from "./build-message";

const directory = mkdtempSync(path.join(tmpdir(), "compose-test-"));

function file(name: string, content: Buffer | string): string {
  const where = path.join(directory, name);
  writeFileSync(where, content);
  return where;
}

const base: OutgoingMessage = {
  from: { name: "Ada Lovelace", address: "ada@example.com" },
  to: [{ name: "Grace Hopper", address: "grace@example.com" }],
  cc: [],
  bcc: [],
  subject: "Notes",
  html: "<p>Hello <b>Grace</b></p>",
  attachments: [],
};

/** The message's header block, unfolded, as name → values. */
function headersOf(raw: string): Map<string, string[]> {
  const block = raw.split(/\r\n\r\n/, 1)[0]!.replace(/\r\n(?=[ \t])/g, "");
  const headers = new Map<string, string[]>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

const header = (raw: string, name: string) => headersOf(raw).get(name.toLowerCase())?.[0];

describe("buildMessageStream", () => {
  it("writes From, To, Subject and a multipart/alternative of text then HTML", async () => {
    const raw = await text(buildMessageStream(base));
    expect(header(raw, "From")).toBe("Ada Lovelace <ada@example.com>");
    expect(header(raw, "To")).toBe("Grace Hopper <grace@example.com>");
    expect(header(raw, "Subject")).toBe("Notes");
    expect(header(raw, "MIME-Version")).toBe("1.0");
    expect(header(raw, "Content-Type")).toMatch(/^multipart\/alternative; boundary=/);
    const plainAt = raw.indexOf("Content-Type: text/plain; charset=utf-8");
    const htmlAt = raw.indexOf("Content-Type: text/html; charset=utf-8");
    expect(plainAt).toBeGreaterThan(0);
    expect(htmlAt).toBeGreaterThan(plainAt);
    expect(raw).toMatch(/text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello Grace\r\n/);
    expect(raw).toContain("<p>Hello <b>Grace</b></p>");
  });

  it("keeps the Bcc header, since Gmail reads recipients from the headers", async () => {
    const raw = await text(buildMessageStream({ ...base, bcc: [{ name: "", address: "secret@example.com" }] }));
    expect(header(raw, "Bcc")).toBe("secret@example.com");
  });

  it("encodes a Hebrew subject and display name as RFC 2047 words that decode back exactly", async () => {
    const raw = await text(
      buildMessageStream({ ...base, subject: "Re: סיכום פגישה", to: [{ name: "דנה כהן", address: "dana@example.co.il" }] }),
    );
    const subject = header(raw, "Subject")!;
    const to = header(raw, "To")!;
    // The header block is pure ASCII: nothing Gmail would read as Latin-1.
    expect(raw.split("\r\n\r\n", 1)[0]).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(subject).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect(decodeEncodedWords(subject)).toBe("Re: סיכום פגישה");
    expect(to).toMatch(/<dana@example\.co\.il>$/);
    expect(decodeEncodedWords(to)).toBe("דנה כהן <dana@example.co.il>");
  });

  it("names a Hebrew attachment with an RFC 2231 filename* parameter and carries its bytes in base64", async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);
    const raw = await text(
      buildMessageStream({
        ...base,
        attachments: [{ filename: "חשבונית מרץ.pdf", mimeType: "application/pdf", path: file("invoice.pdf", bytes) }],
      }),
    );
    expect(header(raw, "Content-Type")).toMatch(/^multipart\/mixed; boundary=/);
    const disposition = /Content-Disposition: attachment;\s*((?:.|\r\n[ \t])*)/.exec(raw)![1]!.replace(/\r\n[ \t]/g, "");
    const encoded = [...disposition.matchAll(/filename\*(?:\d+)?\*=(?:utf-8'')?([^;\s]+)/gi)].map((m) => m[1]).join("");
    expect(decodeURIComponent(encoded)).toBe("חשבונית מרץ.pdf");
    expect(raw).toContain(bytes.toString("base64"));
  });

  it("puts In-Reply-To and References of a reply in the headers", async () => {
    const raw = await text(buildMessageStream({ ...base, inReplyTo: "<b@mail.example>", references: "<a@mail.example> <b@mail.example>" }));
    expect(header(raw, "In-Reply-To")).toBe("<b@mail.example>");
    expect(header(raw, "References")).toBe("<a@mail.example> <b@mail.example>");
  });

  it("carries a forwarded inline image in multipart/related with its Content-ID", async () => {
    const raw = await text(
      buildMessageStream({
        ...base,
        html: '<p>See</p><img src="cid:logo@mail.example">',
        inlineImages: [{ filename: "logo.png", mimeType: "image/png", path: file("logo.png", "PNG"), contentId: "logo@mail.example" }],
      }),
    );
    expect(raw).toMatch(/Content-Type: multipart\/related/);
    expect(raw).toContain("Content-ID: <logo@mail.example>");
    expect(raw).toMatch(/Content-Disposition: inline/);
  });
});
