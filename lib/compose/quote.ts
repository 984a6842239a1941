// The quoted original that follows what the person writes in a reply or forward: "On DATE, NAME <ADDR> wrote:"
// over a blockquote of the parent's body; a forward's block lists the original's From, Date, Subject, To and
// Cc under "---------- Forwarded message ---------", as Gmail writes them. The parent's HTML goes through the
// composer's allow-list like anything else that leaves.
import { parseMailbox } from "../mime/mailbox-address";
import { formatRecipient } from "./addresses";
import { escapeHtml, sanitizeComposerHtml } from "./composer-html";
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
export function quotedOriginal(parent: ParentMessage, mode: ReplyMode): string {
  const body = parentBodyHtml(parent);
  if (mode === "forward") {
    const line = (label: string, value: string | null) => (value ? `${label}: ${escapeHtml(value)}<br>` : "");
    return (
      `<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>` +
      line("From", personOf(parent.from)) +
      line("Date", parent.date) +
      line("Subject", parent.subject) +
      line("To", parent.to) +
      line("Cc", parent.cc) +
      `</div><br>${body}</div>`
    );
  }
  const attribution = `On ${parent.date ?? "an earlier date"}, ${personOf(parent.from)} wrote:`;
  return `<div class="gmail_quote"><div class="gmail_attr">${escapeHtml(attribution)}<br></div><blockquote class="gmail_quote">${body}</blockquote></div>`;
}
