// What the composer's editor produces, made safe to send: a small allow-list (paragraphs, bold, italic,
// underline, lists, links, quotes, line breaks, images by cid: or https:), with scripts, styles, forms and
// event handlers dropped. The recipient's client renders it, so it must carry nothing active. The text/plain
// alternative is made from the same HTML, so both parts say the same thing.
import { convert } from "html-to-text";
import sanitizeHtml from "sanitize-html";

const COMPOSER_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "div",
    "span",
    "bdi",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "strike",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "pre",
    "code",
    "h1",
    "h2",
    "h3",
    "hr",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "font",
    "sub",
    "sup",
  ],
  allowedAttributes: {
    "*": ["dir", "lang"],
    a: ["href", "title"],
    img: ["src", "alt", "width", "height"],
    blockquote: ["class"],
    div: ["class"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan"],
    ol: ["start"],
  },
  // Only the classes Mailroom writes itself (the quoted original), which mail clients recognise.
  allowedClasses: { blockquote: ["gmail_quote"], div: ["gmail_quote", "gmail_attr"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https", "cid"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // A dropped <script> or <style> takes its text with it (sanitize-html's default for these "non-text" tags).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title"],
};

/** The HTML body as it may leave: the allow-list above applied. */
export function sanitizeComposerHtml(html: string): string {
  return sanitizeHtml(html, COMPOSER_POLICY);
}

// U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: plain text's <bdi>.
const FSI = "\u2068";
const PDI = "\u2069";

/** The text/plain alternative of an HTML body: links as `text [url]`, lists as `* item`, quotes as `> `. */
export function plainTextOf(html: string): string {
  return convert(html, {
    wordwrap: 78,
    formatters: {
      // A name or subject isolated in the HTML stays isolated in the text (a Latin name in a Hebrew line).
      isolate: (element, walk, builder) => {
        builder.addInline(FSI, { noWordTransform: true });
        walk(element.children, builder);
        builder.addInline(PDI, { noWordTransform: true });
      },
    },
    selectors: [
      { selector: "bdi", format: "isolate" },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
      { selector: "img", format: "skip" },
      { selector: "blockquote", format: "blockquote", options: { trimEmptyLines: true } },
    ],
  });
}
