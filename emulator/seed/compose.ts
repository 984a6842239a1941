/**
 * Builds RFC 2822 messages as bytes. The seed writes every message this way and then parses it with the
 * same parser as `POST /__emulator/messages`, so `format=raw` and `format=full` always agree.
 */
export type TransferEncoding = "7bit" | "8bit" | "base64" | "quoted-printable";

export type MimeNode =
  | {
      kind: "leaf";
      contentType: string;
      transferEncoding: TransferEncoding;
      disposition?: string;
      extraHeaders?: [string, string][];
      body: Buffer;
    }
  | { kind: "multipart"; subtype: "mixed" | "alternative" | "related"; boundary: string; parts: MimeNode[] };

const CRLF = "\r\n";

export function composeMessage(headers: [string, string][], root: MimeNode): Buffer {
  const head = [...headers, ["MIME-Version", "1.0"] as [string, string]].map(([n, v]) => `${n}: ${v}`).join(CRLF);
  return Buffer.concat([Buffer.from(head + CRLF, "latin1"), renderNode(root)]);
}

function renderNode(node: MimeNode): Buffer {
  if (node.kind === "multipart") {
    const chunks: Buffer[] = [Buffer.from(`Content-Type: multipart/${node.subtype}; boundary="${node.boundary}"${CRLF}${CRLF}`, "latin1")];
    for (const part of node.parts) {
      chunks.push(Buffer.from(`--${node.boundary}${CRLF}`, "latin1"), renderNode(part), Buffer.from(CRLF, "latin1"));
    }
    chunks.push(Buffer.from(`--${node.boundary}--${CRLF}`, "latin1"));
    return Buffer.concat(chunks);
  }
  const lines = [`Content-Type: ${node.contentType}`];
  if (node.disposition) lines.push(`Content-Disposition: ${node.disposition}`);
  for (const [name, value] of node.extraHeaders ?? []) lines.push(`${name}: ${value}`);
  lines.push(`Content-Transfer-Encoding: ${node.transferEncoding}`);
  return Buffer.concat([Buffer.from(lines.join(CRLF) + CRLF + CRLF, "latin1"), encodeBody(node.body, node.transferEncoding)]);
}

function encodeBody(body: Buffer, encoding: TransferEncoding): Buffer {
  switch (encoding) {
    case "base64":
      return Buffer.from((body.toString("base64").match(/.{1,76}/g) ?? []).join(CRLF) + CRLF, "latin1");
    case "quoted-printable":
      return Buffer.from(encodeQuotedPrintable(toCrlf(body)), "latin1");
    default:
      return toCrlf(body);
  }
}

function toCrlf(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString("latin1").replace(/\r?\n/g, CRLF), "latin1");
}

function encodeQuotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  for (const line of bytes.toString("latin1").split(CRLF)) {
    let encoded = "";
    let width = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      const last = i === line.length - 1;
      const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && !last);
      const token = literal ? (line[i] ?? "") : `=${code.toString(16).toUpperCase().padStart(2, "0")}`;
      if (width + token.length > 75) {
        encoded += `=${CRLF}`;
        width = 0;
      }
      encoded += token;
      width += token.length;
    }
    out.push(encoded);
  }
  return out.join(CRLF);
}

/** RFC 2047 B-encoding, split into words of at most 45 bytes without cutting a character. */
export function encodeWords(text: string, charset = "UTF-8", encode: (s: string) => Buffer = (s) => Buffer.from(s, "utf8")): string {
  const words: string[] = [];
  let current = "";
  for (const ch of text) {
    if (encode(current + ch).length > 45) {
      words.push(current);
      current = "";
    }
    current += ch;
  }
  if (current) words.push(current);
  return words.map((w) => `=?${charset}?B?${encode(w).toString("base64")}?=`).join(`${CRLF} `);
}

/** A display name and address, encoding the name when it is not plain ASCII. */
export function address(name: string, email: string): string {
  const display = /^[\x20-\x7e]*$/.test(name) ? (/[,;"<>@]/.test(name) ? `"${name}"` : name) : encodeWords(name);
  return `${display} <${email}>`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 2822 date in UTC, e.g. `Tue, 5 Dec 2023 10:00:00 +0000`. */
export function rfc2822Date(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** windows-1255 for Hebrew text: letters U+05D0–U+05EA map to 0xE0–0xFA, ASCII is unchanged. */
export function windows1255(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x5d0 && code <= 0x5ea) bytes.push(code - 0x5d0 + 0xe0);
    else bytes.push(63);
  }
  return Buffer.from(bytes);
}

export function textLeaf(text: string, charset = "UTF-8", encoding: TransferEncoding = "quoted-printable"): MimeNode {
  return { kind: "leaf", contentType: `text/plain; charset="${charset}"`, transferEncoding: encoding, body: Buffer.from(text, "utf8") };
}

export function htmlLeaf(html: string): MimeNode {
  return { kind: "leaf", contentType: 'text/html; charset="UTF-8"', transferEncoding: "quoted-printable", body: Buffer.from(html, "utf8") };
}

export function attachmentLeaf(filename: string, mimeType: string, data: Buffer): MimeNode {
  return {
    kind: "leaf",
    contentType: `${mimeType}; name="${filename}"`,
    disposition: `attachment; filename="${filename}"`,
    transferEncoding: "base64",
    body: data,
  };
}
