import "server-only";

import sanitizeHtml from "sanitize-html";

import { classifyUrl, filterEmailCss } from "./email-css";

// Email HTML is hostile input rendered inside our origin's page. It is sanitised here with an allow-list
// (sanitize-html), then shown in a sandboxed iframe (no scripts) whose CSP blocks every fetch we did not
// allow: two independent layers, so a gap in one is not a hole. Remote images are tracking beacons, so they
// stay blocked until the user asks for them.

export type SanitizedEmail = {
  html: string;
  /** Remote image references removed because remote images were not allowed; drives the "show images" bar. */
  blockedRemoteImages: number;
};

export type RemoteImageOption = { allowRemoteImages: boolean };

/** Marks an <img> whose remote source was removed, so the page can style the empty box. */
const BLOCKED_IMAGE_ATTRIBUTE = "data-remote-image";

const ALLOWED_TAGS = [
  "a",
  "abbr",
  "address",
  "article",
  "aside",
  "b",
  "bdi",
  "bdo",
  "big",
  "blockquote",
  "br",
  "caption",
  "center",
  "cite",
  "code",
  "col",
  "colgroup",
  "dd",
  "del",
  "details",
  "dfn",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "font",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "i",
  "img",
  "ins",
  "kbd",
  "li",
  "main",
  "mark",
  "nav",
  "ol",
  "p",
  "pre",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "section",
  "small",
  "span",
  "strike",
  "strong",
  "style",
  "sub",
  "summary",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "time",
  "tr",
  "tt",
  "u",
  "ul",
  "var",
  "wbr",
];
const ALLOWED_TAG_SET: ReadonlySet<string> = new Set(ALLOWED_TAGS);

// Layout attributes old-school email HTML relies on; no event handlers, no URLs except those listed per tag.
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  "*": ["style", "class", "id", "dir", "lang", "title", "align", "valign", "width", "height", "bgcolor", "role", "aria-*"],
  a: ["href", "name", "target", "rel"],
  img: ["src", "srcset", "alt", "border", "hspace", "vspace", BLOCKED_IMAGE_ATTRIBUTE],
  font: ["face", "size", "color"],
  table: ["border", "cellpadding", "cellspacing", "background", "summary", "frame", "rules"],
  td: ["colspan", "rowspan", "background", "nowrap", "abbr", "scope", "headers"],
  th: ["colspan", "rowspan", "background", "nowrap", "abbr", "scope", "headers"],
  tr: ["background"],
  div: ["background"],
  col: ["span"],
  colgroup: ["span"],
  ol: ["start", "type", "reversed"],
  ul: ["type"],
  li: ["value", "type"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  time: ["datetime"],
  details: ["open"],
  hr: ["noshade", "size", "color"],
};

const IMAGE_SCHEMES = ["http", "https", "data", "cid"];

/** Sanitised HTML for a message body, safe to place in the email iframe. */
export function sanitizeEmailHtml(html: string, options: RemoteImageOption): SanitizedEmail {
  let blocked = 0;
  const count = (n: number) => (blocked += n);

  // Every <style> element the parser sees, whatever its attributes or spelling, has its text filtered here
  // and is re-emitted ahead of the body without attributes (email has no use for them; at worst a `media`
  // sheet now applies on every medium). A style element applies wherever it sits in the document, and they
  // keep their order, so moving them changes nothing the reader sees.
  const sheets: string[] = [];
  const sanitized = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    // <style> is needed by almost every designed email; its text is filtered (see exclusiveFilter) and it
    // only ever applies inside the iframe.
    allowVulnerableTags: true,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: {
      img: IMAGE_SCHEMES,
      table: IMAGE_SCHEMES,
      td: IMAGE_SCHEMES,
      th: IMAGE_SCHEMES,
      tr: IMAGE_SCHEMES,
      div: IMAGE_SCHEMES,
    },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite", "background"],
    disallowedTagsMode: "discard",
    // Disallowed elements whose text content is code or hidden markup, not something the reader should see.
    nonTextTags: [
      "script",
      "textarea",
      "option",
      "noscript",
      "title",
      "xmp",
      "noembed",
      "noframes",
      "iframe",
      "object",
      "applet",
      "template",
      "frameset",
    ],
    transformTags: {
      // A <body bgcolor> or background is part of the design; keep it on a wrapper.
      body: (_tag, attribs) => ({ tagName: "div", attribs }),
      // A mail may set its direction and language only on <html dir="rtl" lang="he">: kept on a wrapper, or a
      // Hebrew newsletter would fall back to guessing its direction from its first letter. Nothing else of
      // <html> is kept (without either, it is dropped as before).
      html: (tagName, attribs) => {
        const kept = Object.fromEntries(Object.entries(attribs).filter(([name]) => name === "dir" || name === "lang"));
        return Object.keys(kept).length > 0 ? { tagName: "div", attribs: kept } : { tagName, attribs: {} };
      },
      a: (_tag, attribs) => {
        const { href, ...rest } = attribs;
        // A link that would open the app loses its target and stays as text.
        const kept = href === undefined || leavesTheApp(href) ? attribs : rest;
        return { tagName: "a", attribs: { ...kept, target: "_blank", rel: "noopener noreferrer" } };
      },
      "*": (tagName, attribs) => ({ tagName, attribs: filterUrls(tagName, attribs, options.allowRemoteImages, count) }),
    },
    // Called when an element closes, with its raw text; `true` removes the element from the output.
    exclusiveFilter: (frame) => {
      if (frame.tag !== "style") return false;
      const css = filterStyleText(frame.text, options, count);
      if (css !== null) sheets.push(`<style>${css}</style>`);
      return true;
    },
  });
  return { html: sheets.join("") + sanitized, blockedRemoteImages: blocked };
}

/** The CSS of a <style> element that may be kept, or null; counts the remote images it blocks. */
function filterStyleText(raw: string, options: RemoteImageOption, count: (n: number) => void): string | null {
  // Old mailers wrap CSS in <!-- -->, which CSS ignores. Any other "<" means markup hiding in a raw-text
  // element, waiting for a parser that disagrees with ours about where the element ends.
  const css = raw.replace(/<!--|-->/g, "");
  if (css.includes("<")) return null;
  const filtered = filterEmailCss(css, options);
  count(filtered.blockedRemoteImages);
  return filtered.css;
}

/**
 * Whether a link target is a full address (http(s) with a host, mailto: or tel:), not one the browser
 * would resolve against the app's URL. * The frame is a srcdoc document, which resolves URLs against the app page's own URL, so a relative target
 * (`/inbox`, `foo`, `../x`, `?a`, and `https:foo` when the app is on https) opens the app itself, and so
 * does a fragment: `#x` is `<app page>#x`, which the frame's `<base target="_blank">` opens as a new tab
 * of the app rather than a jump within the message. Scheme-relative targets (`//host`, and `\\host` or
 * `/\host`, which browsers read as `//host`) borrow the app's scheme and are a classic way to slip past
 * link checkers; a sender who means a site can name it in full.
 */
function leavesTheApp(href: string): boolean {
  // Browsers drop tabs and newlines anywhere in a URL and leading controls and spaces, and read "\" as "/".
  const url = href
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+/, "")
    .replace(/\\/g, "/")
    .toLowerCase();
  return /^https?:\/\//.test(url) || /^(?:mailto|tel):/.test(url);
}

/** Applies the remote-content policy to an element's URL-bearing attributes; counts what it blocks. */
function filterUrls(
  tagName: string,
  input: sanitizeHtml.Attributes,
  allowRemote: boolean,
  count: (n: number) => void,
): sanitizeHtml.Attributes {
  // Disallowed elements are dropped anyway; counting their images would overstate what the user misses.
  if (!ALLOWED_TAG_SET.has(tagName)) return input;
  const attribs = { ...input };
  let blockedHere = false;

  if (attribs.style !== undefined) {
    const filtered = filterEmailCss(attribs.style, { allowRemoteImages: allowRemote });
    count(filtered.blockedRemoteImages);
    if (filtered.css === null) delete attribs.style;
    else attribs.style = filtered.css;
  }

  if (attribs.background !== undefined) {
    const kind = classifyUrl(attribs.background);
    if (kind === "remote" && !allowRemote) blockedHere = true;
    if (!(kind === "data" || (kind === "remote" && allowRemote))) delete attribs.background;
  }

  if (tagName === "img") {
    if (attribs.src !== undefined) {
      const kind = classifyUrl(attribs.src);
      if (kind === "remote" && !allowRemote) {
        blockedHere = true;
        attribs[BLOCKED_IMAGE_ATTRIBUTE] = "blocked";
      }
      // Relative sources would resolve against the app's own origin (srcdoc inherits the parent's base URL).
      if (!(kind === "data" || kind === "cid" || (kind === "remote" && allowRemote))) delete attribs.src;
    }
    if (attribs.srcset !== undefined) {
      const kinds = srcsetUrls(attribs.srcset).map(classifyUrl);
      if (!allowRemote && kinds.includes("remote")) blockedHere = true;
      if (kinds.some((k) => k !== "data" && !(k === "remote" && allowRemote))) delete attribs.srcset;
    }
  }

  if (blockedHere) count(1);
  return attribs;
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

/**
 * The complete `srcdoc` for the sandboxed iframe that shows a sanitised email. The CSP forbids scripts,
 * frames, forms, fonts and connections outright, and images except data: (plus http/https once the user
 * allows remote images); links open outside the frame.
 */
export function emailFrameDocument(sanitizedHtml: string, options: RemoteImageOption): string {
  const csp = [
    "default-src 'none'",
    options.allowRemoteImages ? "img-src data: https: http:" : "img-src data:",
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return (
    "<!doctype html>" +
    '<html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    '<meta name="referrer" content="no-referrer">' +
    '<meta name="color-scheme" content="light">' +
    '<base target="_blank">' +
    // The page sizes the frame to the document's height (message-frame.tsx): a mail that sets its own height
    // to the viewport's would grow with every measure, so the document's height is its content's. Wider
    // content scrolls sideways inside the frame.
    "<style>html{height:auto!important;overflow-x:auto;overflow-y:hidden}" +
    "body{height:auto!important;min-height:0!important;margin:0;padding:16px;font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;" +
    "color:#202124;background:#fff;overflow-wrap:anywhere}img{max-width:100%}pre{white-space:pre-wrap}</style>" +
    `</head><body dir="auto">${sanitizedHtml}</body></html>`
  );
}
