import { randomBytes } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { EmuResponse } from "../http/types";
import { headerValue, parseContentType, parseHeaders, splitHeaderBody } from "./mime-headers";
import { splitMultipart } from "./mime-parser";

/** One inner request of a Gmail batch. */
export interface BatchPart {
  contentId: string | undefined;
  method: string;
  /** Path with query, the host stripped when the part used a full URL. */
  target: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Parses a multipart/mixed batch body; returns an error message when it is not one. */
export function parseBatchRequest(contentType: string | undefined, body: Buffer): BatchPart[] | string {
  const type = parseContentType(contentType, "");
  const boundary = type.params.get("boundary");
  if (type.mimeType !== "multipart/mixed" || !boundary) return "Batch requests must be multipart/mixed with a boundary.";
  const parts: BatchPart[] = [];
  for (const chunk of splitMultipart(body.toString("latin1"), boundary)) {
    const outer = splitHeaderBody(chunk);
    const partHeaders = parseHeaders(outer.headerBlock);
    const inner = splitHeaderBody(outer.body.replace(/^(\r?\n)+/, ""));
    const [requestLine = "", ...headerLines] = inner.headerBlock.split(/\r?\n/);
    const [method = "", rawTarget = ""] = requestLine.trim().split(/\s+/);
    if (method === "" || rawTarget === "") return "Each batch part must contain an HTTP request line.";
    const headers: Record<string, string> = {};
    for (const h of parseHeaders(headerLines.join("\r\n"))) headers[h.name.toLowerCase()] = h.value;
    parts.push({
      contentId: headerValue(partHeaders, "Content-ID"),
      method: method.toUpperCase(),
      target: stripOrigin(rawTarget),
      headers,
      body: Buffer.from(inner.body.replace(/\r?\n$/, ""), "latin1"),
    });
  }
  return parts;
}

function stripOrigin(target: string): string {
  if (!/^https?:\/\//i.test(target)) return target;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return target;
  }
}

/** `<item1>` → `<response-item1>`; a part without Content-ID gets a generated one, as Google does. */
function responseContentId(contentId: string | undefined): string {
  const bare = (contentId ?? "").trim().replace(/^<|>$/g, "");
  return `<response-${bare || randomBytes(9).toString("base64url")}>`;
}

/** Serialises part responses in request order, each with its own status line, CRLF line endings. */
export function serializeBatchResponse(parts: { contentId: string | undefined; response: EmuResponse }[]): {
  boundary: string;
  body: Buffer;
} {
  const boundary = `batch_${randomBytes(15).toString("base64url").replace(/[-_]/g, "A")}`;
  const chunks: Buffer[] = [];
  for (const { contentId, response } of parts) {
    const head = [
      `--${boundary}`,
      "Content-Type: application/http",
      `Content-ID: ${responseContentId(contentId)}`,
      "",
      `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`.trimEnd(),
      ...Object.entries(response.headers).map(([name, value]) => `${canonicalHeaderName(name)}: ${value}`),
      "",
      "",
    ].join("\r\n");
    chunks.push(
      Buffer.from(head, "utf8"),
      typeof response.body === "string" ? Buffer.from(response.body, "utf8") : response.body,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, body: Buffer.concat(chunks) };
}

function canonicalHeaderName(name: string): string {
  if (name.toLowerCase() === "www-authenticate") return "WWW-Authenticate";
  return name
    .split("-")
    .map((w) => (w ? (w[0] ?? "").toUpperCase() + w.slice(1) : w))
    .join("-");
}
