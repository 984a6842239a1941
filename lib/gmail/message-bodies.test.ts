import { describe, expect, it } from "vitest";
import { type BodyPart, type MessageParts } from "../mime/message-content";
import { EXCERPT_BYTES, LARGE_BODY_BYTES, type ReadReferencedPart, readMessageBodies } from "./message-bodies";

const MB = 1024 * 1024;

function part(mimeType: BodyPart["mimeType"], content: string, shape: "inline" | "referenced", charset: string | null = "utf-8"): BodyPart {
  const bytes = Buffer.from(content, "utf8");
  return {
    mimeType,
    partId: "0",
    size: bytes.length,
    data: shape === "inline" ? bytes.toString("base64url") : null,
    attachmentId: shape === "referenced" ? `ref-${mimeType}` : null,
    charset,
  };
}

const parts = (text: BodyPart[], html: BodyPart[]): MessageParts => ({ text, html, attachments: [] });

/** Gmail's attachments.get for the referenced parts, recording how much was asked of each. */
function referenced(contents: Record<string, string>) {
  const asked: { attachmentId: string; limit: number }[] = [];
  const read: ReadReferencedPart = (attachmentId, limit) => {
    asked.push({ attachmentId, limit });
    const bytes = Buffer.from(contents[attachmentId] ?? "", "utf8");
    return Promise.resolve(bytes.subarray(0, Math.min(limit, bytes.length)));
  };
  return { read, asked };
}

const bigHtml = (bytes: number) =>
  `<html><head><style>p{color:red}</style></head><body>${"<p>Quarterly figures &amp; more</p>".repeat(Math.ceil(bytes / 34))}</body></html>`;

describe("readMessageBodies", () => {
  it("reads a small body whole, inline or by attachmentId, and renders it", async () => {
    const html = "<p>Hello <b>Ada</b></p>";
    const { read, asked } = referenced({ "ref-text/html": html });
    expect(
      await readMessageBodies(parts([part("text/plain", "Hello Ada", "inline")], [part("text/html", html, "referenced")]), read),
    ).toEqual({
      text: "Hello Ada",
      html,
      truncated: null,
    });
    expect(asked).toEqual([{ attachmentId: "ref-text/html", limit: LARGE_BODY_BYTES }]);
  });

  it("shows a large HTML body sent by attachmentId as a plain-text excerpt, reading only its start", async () => {
    const html = bigHtml(20 * MB);
    const { read, asked } = referenced({ "ref-text/html": html });
    const body = await readMessageBodies(parts([], [part("text/html", html, "referenced")]), read);
    expect(body.html).toBeNull();
    expect(body.truncated).toEqual({ bodyBytes: Buffer.byteLength(html) });
    expect(body.text).toMatch(/^Quarterly figures & more\nQuarterly figures & more\n/);
    expect(body.text).not.toMatch(/[<>]|color:red/);
    expect(asked).toEqual([{ attachmentId: "ref-text/html", limit: EXCERPT_BYTES }]);
  });

  it("does the same with a large body Gmail sent inline", async () => {
    const html = bigHtml(2 * MB);
    const { read, asked } = referenced({});
    const body = await readMessageBodies(parts([], [part("text/html", html, "inline")]), read);
    expect(body.truncated).toEqual({ bodyBytes: Buffer.byteLength(html) });
    expect(body.text!.length).toBeLessThanOrEqual(EXCERPT_BYTES);
    expect(body.text).toContain("Quarterly figures & more");
    expect(asked).toEqual([]);
  });

  it("takes the excerpt from the plain-text alternative when there is one", async () => {
    const text = "Line of the report.\r\n".repeat(100_000);
    const { read } = referenced({ "ref-text/plain": text });
    const body = await readMessageBodies(
      parts([part("text/plain", text, "referenced")], [part("text/html", bigHtml(2 * MB), "inline")]),
      read,
    );
    expect(body.text).toMatch(/^Line of the report\.\nLine of the report\.\n/);
    expect(body.html).toBeNull();
  });

  it("never ends an excerpt with half a character", async () => {
    const text = "שלום ".repeat(400_000);
    const { read } = referenced({ "ref-text/plain": text });
    const body = await readMessageBodies(parts([part("text/plain", text, "referenced")], []), read);
    expect(body.truncated).not.toBeNull();
    expect(body.text).not.toMatch(/\uFFFD/);
    expect(body.text!.startsWith("שלום שלום")).toBe(true);
  });

  it("leaves out a huge plain-text alternative of a small HTML body", async () => {
    const { read, asked } = referenced({});
    const body = await readMessageBodies(
      parts([part("text/plain", "x".repeat(2 * MB), "referenced")], [part("text/html", "<p>short</p>", "inline")]),
      read,
    );
    expect(body).toEqual({ text: null, html: "<p>short</p>", truncated: null });
    expect(asked).toEqual([]);
  });
});
