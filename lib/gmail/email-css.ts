// CSS from email (style attributes and <style> blocks) may fetch things: url(), image-set(), @import. Remote
// fetches are how senders track opens, so they obey the same "remote images" switch as <img>; anything that
// is not an image we can show (relative paths, cid:, javascript:, IE expressions, XBL bindings) is removed.
// The iframe's Content-Security-Policy is the second line of defence behind this.

/** What a URL in an email would load, as far as remote-content blocking is concerned. */
export type UrlKind = "remote" | "data" | "cid" | "fragment" | "other";

export function classifyUrl(raw: string): UrlKind {
  // Browsers drop tabs and newlines anywhere in a URL and leading controls and spaces, and read "\" as "/".
  const url = raw
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+/, "")
    .toLowerCase();
  if (/^(?:https?:|[\\/]{2})/.test(url)) return "remote";
  if (url.startsWith("data:")) return "data";
  if (url.startsWith("cid:")) return "cid";
  if (url.startsWith("#")) return "fragment";
  return "other";
}

export type FilteredCss = {
  /** The CSS to keep, or null when nothing (safe) is left. */
  css: string | null;
  /** Remote references removed because remote images are not allowed. */
  blockedRemoteImages: number;
};

const FETCHING_FUNCTION = /(^|[^\w-])(url|(?:-webkit-)?image-set|image|(?:-webkit-)?cross-fade|expression|element)\(/gi;
const IMPORT_RULE = /@import\b[^;]*;?/gi;
const BINDING_DECLARATION = /(^|[^\w-])(?:behavior|-moz-binding)\s*:[^;}]*;?/gi;
const DANGEROUS_KEYWORD = /url\(|image-set\(|image\(|cross-fade\(|expression\(|element\(|@import|behavior|-moz-binding/gi;

export function filterEmailCss(css: string, options: { allowRemoteImages: boolean }): FilteredCss {
  // CSS escapes (`\75 rl(`) are resolved by the browser before it sees a function name; if resolving them
  // reveals anything our plain-text scan would miss, the whole CSS is dropped rather than half-trusted.
  if (css.includes("\\") && countMatches(unescapeCss(css)) > countMatches(css)) {
    return { css: null, blockedRemoteImages: 0 };
  }
  let blocked = 0;
  let out = "";
  let cursor = 0;
  for (const match of css.matchAll(FETCHING_FUNCTION)) {
    const start = match.index + (match[1]?.length ?? 0);
    if (start < cursor) continue; // nested inside a function already handled
    const name = (match[2] ?? "").toLowerCase();
    const open = match.index + match[0].length;
    const close = closingParen(css, open);
    const verdict = judgeFunction(name, css.slice(open, close), options.allowRemoteImages);
    blocked += verdict.blocked;
    out += css.slice(cursor, start) + (verdict.keep ? css.slice(start, close + 1) : "none");
    cursor = close + 1;
  }
  out += css.slice(cursor);
  out = out.replace(IMPORT_RULE, "").replace(BINDING_DECLARATION, "$1");
  return { css: out.trim() === "" ? null : out, blockedRemoteImages: blocked };
}

function judgeFunction(name: string, args: string, allowRemote: boolean): { keep: boolean; blocked: number } {
  if (name === "expression" || name === "element") return { keep: false, blocked: 0 };
  const urls = name === "url" ? [unquote(args.trim())] : urlsInside(args);
  const kinds = urls.map(classifyUrl);
  const remote = kinds.filter((k) => k === "remote").length;
  const unsafe = kinds.some((k) => k === "cid" || k === "other");
  if (unsafe || (remote > 0 && !allowRemote)) return { keep: false, blocked: allowRemote ? 0 : remote };
  return { keep: true, blocked: 0 };
}

/** Quoted strings and url() arguments inside image-set(), image() and cross-fade(). */
function urlsInside(args: string): string[] {
  const urls: string[] = [];
  for (const m of args.matchAll(/url\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^)]*)\s*\)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/gi)) {
    urls.push(unquote((m[1] ?? m[2] ?? "").trim()));
  }
  return urls;
}

/** Index of the ")" that closes a function opened just before `from`, or the end of the text (CSS auto-closes). */
function closingParen(css: string, from: number): number {
  let depth = 1;
  let quote: string | null = null;
  for (let i = from; i < css.length; i++) {
    const ch = css[i];
    if (ch === "\\") i++;
    else if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return css.length;
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'") && value.endsWith(first) && value.length >= 2) return value.slice(1, -1);
  return value;
}

function countMatches(css: string): number {
  return css.match(DANGEROUS_KEYWORD)?.length ?? 0;
}

function unescapeCss(css: string): string {
  return css.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|([\s\S]))/g, (_, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char ?? "";
    const code = parseInt(hex, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\ufffd" : String.fromCodePoint(code);
  });
}
