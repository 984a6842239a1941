import { bytesOf } from "./charset";

/** Undoes Content-Transfer-Encoding; the result is the part's bytes in its own charset. */
export function decodeTransfer(binaryBody: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "base64":
      return Buffer.from(binaryBody.replace(/[^A-Za-z0-9+/=_-]/g, ""), "base64");
    case "quoted-printable":
      return bytesOf(
        binaryBody
          .replace(/[ \t]+(\r?\n)/g, "$1")
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      );
    default:
      return bytesOf(binaryBody);
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** A plain-text rendering of an HTML body, good enough for snippets and full-text search. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith("#x")) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
      if (lower.startsWith("#")) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
      return ENTITIES[lower] ?? whole;
    });
}

function safeCodePoint(code: number): string | undefined {
  try {
    return String.fromCodePoint(code);
  } catch {
    return undefined;
  }
}

const SNIPPET_LENGTH = 200;

/** Gmail's snippet: collapsed whitespace, about 200 characters, HTML-escaped (`'` becomes `&#39;`). */
export function snippetOf(text: string): string {
  const collapsed = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(collapsed);
  const cut = chars.length > SNIPPET_LENGTH ? chars.slice(0, SNIPPET_LENGTH).join("").trimEnd() : collapsed;
  return escapeHtml(cut);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
