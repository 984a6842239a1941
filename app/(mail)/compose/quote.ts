// A reply or forward built in the browser from the conversation already on screen: no request to Gmail. The
// server adds the threading headers (In-Reply-To, References) from `inReplyTo`; this module fills in what the
// person sees and may still change: recipients and subject, by the same rules the server applies
// (lib/compose/reply-rules.ts), and a preview of the quoted original.
import { type Recipient, formatRecipient } from "@/lib/compose/recipient";
import { type ReplyMode, derivedSubject, replyRecipients as recipientsByRules } from "@/lib/compose/reply-rules";

export type { ReplyMode };

export type Person = { name: string | null; email: string | null };

/** The parts of a message a reply needs, handed from the conversation page to the browser. */
export type ReplySource = {
  messageId: string;
  threadId: string;
  /** The account the conversation belongs to: the reply is written from it. */
  account: string;
  from: Person;
  /** Where the sender asked replies to go; empty when they did not. */
  replyTo: Person[];
  to: Person[];
  cc: Person[];
  subject: string;
  date: string | null;
  /** Sanitised HTML, or null for a plain-text message. */
  html: string | null;
  text: string | null;
};

export type ComposerDraft = {
  account: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  /** Shown under what the person writes; the server appends its own copy of it to the message sent. */
  quoteHtml?: string;
  inReplyTo?: { messageId: string; mode: ReplyMode };
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/** `Grace Hopper <grace@example.com>`, or the address alone. */
export function formatAddress({ name, email }: Person): string {
  if (!email) return name ?? "";
  return name ? `${name} <${email}>` : email;
}

const recipientsOf = (people: readonly Person[]): Recipient[] =>
  people.flatMap((person) => (person.email ? [{ name: person.name ?? "", address: person.email }] : []));

/** Recipients of a reply: Reply-To else the sender; for Reply all also everyone else, never the account itself. */
export function replyRecipients(source: ReplySource, mode: ReplyMode, ownAddresses: readonly string[]): { to: string[]; cc: string[] } {
  const { to, cc } = recipientsByRules(
    { from: recipientsOf([source.from]), replyTo: recipientsOf(source.replyTo), to: recipientsOf(source.to), cc: recipientsOf(source.cc) },
    mode,
    [source.account, ...ownAddresses],
  );
  return { to: to.map(formatRecipient), cc: cc.map(formatRecipient) };
}

function formatDate(iso: string | null, locale: string | undefined, timeZone: string | undefined): string {
  if (!iso) return "an unknown date";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

function bodyHtml(source: ReplySource): string {
  if (source.html !== null) return source.html;
  const text = source.text ?? "";
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** "On DATE, NAME <ADDR> wrote:" and the original as a quotation; for a forward, the original's headers. */
export function quotedOriginal(source: ReplySource, mode: ReplyMode, format: { locale?: string; timeZone?: string } = {}): string {
  // Built from the page, so opening a reply costs no request; the server quotes the original again from Gmail
  // for the message itself.
  const date = formatDate(source.date, format.locale, format.timeZone);
  const sender = escapeHtml(formatAddress(source.from) || "(unknown sender)");
  if (mode === "forward") {
    const lines = [
      "---------- Forwarded message ---------",
      `From: ${sender}`,
      `Date: ${escapeHtml(date)}`,
      `Subject: ${escapeHtml(source.subject)}`,
      `To: ${escapeHtml(source.to.map(formatAddress).join(", "))}`,
      ...(source.cc.length > 0 ? [`Cc: ${escapeHtml(source.cc.map(formatAddress).join(", "))}`] : []),
    ];
    return `<p>${lines.join("<br>")}</p>${bodyHtml(source)}`;
  }
  return `<p>On ${escapeHtml(date)}, ${sender} wrote:</p><blockquote>${bodyHtml(source)}</blockquote>`;
}

/** The composer's starting content for a reply, reply all or forward of `source`. */
export function replyDraft(
  source: ReplySource,
  mode: ReplyMode,
  options: { ownAddresses?: readonly string[]; locale?: string; timeZone?: string } = {},
): ComposerDraft {
  const { to, cc } = replyRecipients(source, mode, options.ownAddresses ?? []);
  return {
    account: source.account,
    to,
    cc,
    bcc: [],
    subject: derivedSubject(source.subject, mode),
    html: "",
    quoteHtml: quotedOriginal(source, mode, options),
    inReplyTo: { messageId: source.messageId, mode },
  };
}
