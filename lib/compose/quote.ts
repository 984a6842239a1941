// The quoted original that follows what the person writes in a reply or forward: "On DATE, NAME <ADDR> wrote:"
// over a blockquote of the parent's body; a forward's block lists the original's From, Date, Subject, To and
// Cc under "---------- Forwarded message ---------", as Gmail writes them, in the writer's interface language
// (lib/compose/quote-header.ts). The parent's HTML goes through the composer's allow-list like anything else
// that leaves. The quote keeps the original's direction: its own `dir` attributes survive the allow-list, and
// the blockquote is `dir="auto"`, so a Hebrew original quoted in an English reply still reads right to left.
import { parseMailbox } from "../mime/mailbox-address";
import { formatRecipient } from "./addresses";
import { sanitizeComposerHtml } from "./composer-html";
import {
  DEFAULT_WRITER,
  type QuoteWriter,
  escapeHtml,
  forwardHeaderLinesHtml,
  headerDirAttribute,
  replyAttributionHtml,
} from "./quote-header";
import type { ParentMessage, ReplyMode } from "./reply-rules";

/** The parent's body as HTML to quote: its HTML sanitised, else its text with line breaks kept. */
function parentBodyHtml(parent: Pick<ParentMessage, "html" | "text">): string {
  if (parent.html) return sanitizeComposerHtml(parent.html);
  return escapeHtml(parent.text ?? "").replace(/\r?\n/g, "<br>");
}

/** "NAME <ADDR>" of a header as a person reads it. */
function personOf(header: string | null): string {
  const mailbox = parseMailbox(header);
  if (mailbox.email === null) return header ?? "";
  return formatRecipient({ name: mailbox.name ?? "", address: mailbox.email });
}

/** The quoted original that follows what the person writes, as HTML (already safe to send). */
export function quotedOriginal(parent: ParentMessage, mode: ReplyMode, writer: QuoteWriter = DEFAULT_WRITER): string {
  const body = parentBodyHtml(parent);
  const dir = headerDirAttribute(writer);
  if (mode === "forward") {
    const lines = forwardHeaderLinesHtml(
      { from: personOf(parent.from), date: parent.date, subject: parent.subject, to: parent.to, cc: parent.cc },
      writer,
    );
    return `<div class="gmail_quote"><div class="gmail_attr"${dir}>${lines.map((line) => `${line}<br>`).join("")}</div><br><div dir="auto">${body}</div></div>`;
  }
  const attribution = replyAttributionHtml(personOf(parent.from), parent.date, writer);
  return `<div class="gmail_quote"><div class="gmail_attr"${dir}>${attribution}<br></div><blockquote class="gmail_quote" dir="auto">${body}</blockquote></div>`;
}
