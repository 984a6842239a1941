// The headers of a file download: always saved, never shown. A sender chooses an attachment's name and type,
// so an HTML attachment must not run as a page of ours: `Content-Disposition: attachment` makes the browser
// save it, `nosniff` stops it guessing a type, and `Content-Security-Policy: sandbox` makes even a browser
// that renders it anyway run it as a script-less document of no origin.
import { withoutBidiControls } from "../text/bidi";

/**
 * Characters that must never reach a saved file's name: controls, path separators and what Windows forbids in
 * names (browsers would replace it anyway, differently). Bidi controls, which disguise an extension, are
 * dropped before (the name is saved as the conversation shows it: "invoicefdp.exe").
 */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f/\\<>:"|?*]/g;
const MAX_NAME_CHARS = 180;
const FALLBACK_NAME = "attachment";

/** The name the file is saved under: what the sender wrote, minus what could harm, bounded; never empty. */
export function safeFilename(name: string): string {
  const cleaned = withoutBidiControls(name)
    .replace(/\s+/g, " ")
    .replace(UNSAFE_IN_NAME, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const chars = [...cleaned];
  if (chars.length === 0) return FALLBACK_NAME;
  if (chars.length <= MAX_NAME_CHARS) return cleaned;
  // Too long: keep the extension, which says what the file is.
  const extension = /\.[^.\s]{1,16}$/.exec(cleaned)?.[0] ?? "";
  return chars.slice(0, MAX_NAME_CHARS - extension.length).join("") + extension;
}

/** The plain `filename=` for old clients: ASCII only (accents dropped, the rest replaced), no quote, backslash or percent. */
function asciiFallback(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
  const extension = /\.[A-Za-z0-9]{1,16}$/.exec(ascii)?.[0] ?? "";
  // A name that was all non-Latin script would be only underscores: say what it is instead.
  return /[A-Za-z0-9]/.test(ascii.slice(0, ascii.length - extension.length)) ? ascii : FALLBACK_NAME + extension;
}

/** RFC 8187's value-chars: everything but attr-char percent-encoded, from UTF-8. */
function extendedValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** RFC 6266: `attachment`, an ASCII `filename` for old clients and the exact UTF-8 name in `filename*`. */
export function attachmentDisposition(filename: string): string {
  const name = safeFilename(filename);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${extendedValue(name)}`;
}

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The part's declared type when it is a well-formed one, else the type that means "just bytes". */
export function safeContentType(mimeType: string): string {
  const type = mimeType.trim().toLowerCase();
  return MIME_TYPE.test(type) ? type : "application/octet-stream";
}

/** `size` null: the length is not known before the bytes (a streamed body), so none is declared. */
export function attachmentHeaders(file: { filename: string; mimeType: string; size: number | null }): Headers {
  return new Headers({
    "Content-Type": safeContentType(file.mimeType),
    ...(file.size === null ? {} : { "Content-Length": String(file.size) }),
    "Content-Disposition": attachmentDisposition(file.filename),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-store",
  });
}
