import "server-only";
// The readable text of the start of an HTML body, for a message too large to render (message-bodies.ts).
// Every tag goes, scripts and styles with their content; block ends become line breaks so paragraphs stay
// apart. The result is plain text, shown as text, never as HTML.
import { decodeHTML } from "entities";
import sanitizeHtml from "sanitize-html";

const BLOCK_END = /<\/(p|div|li|tr|h[1-6]|blockquote|table|section|article)\s*>|<br\s*\/?>/gi;

export function htmlExcerptText(html: string): string {
  // A tag cut off by the excerpt's end would swallow what follows it: drop the unfinished tail.
  const lastOpen = html.lastIndexOf("<");
  const complete = lastOpen > html.lastIndexOf(">") ? html.slice(0, lastOpen) : html;
  const text = sanitizeHtml(complete.replace(BLOCK_END, "$&\n"), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ["script", "style", "head", "title", "textarea", "noscript", "template"],
  });
  return decodeHTML(text)
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n[ \n]*/g, (breaks) => (breaks.split("\n").length > 2 ? "\n\n" : "\n"))
    .trim();
}
