// A reply or forward built in the browser from the conversation already on screen: no request to Gmail. The
// server adds the threading headers (In-Reply-To, References) from `inReplyTo`; this module fills in what the
// person sees and may still change: recipients and subject, by the same rules the server applies
// (lib/compose/reply-rules.ts), and a preview of the quoted original.
import { type Recipient, formatRecipient } from "@/lib/compose/recipient";
import {
  DEFAULT_WRITER,
  type QuoteWriter,
  escapeHtml,
  forwardHeaderLinesHtml,
  headerDirAttribute,
  replyAttributionHtml,
} from "@/lib/compose/quote-header";
import { type ReplyMode, derivedSubject, replyRecipients as recipientsByRules } from "@/lib/compose/reply-rules";

export type { QuoteWriter, ReplyMode };

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

function bodyHtml(source: ReplySource): string {
  if (source.html !== null) return source.html;
  const text = source.text ?? "";
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

const addresses = (people: readonly Person[]) => (people.length > 0 ? people.map(formatAddress).join(", ") : null);

/**
 * "On DATE, NAME <ADDR> wrote:" and the original as a quotation, in the writer's language
 * (lib/compose/quote-header.ts); for a forward, the original's headers. The quotation keeps the original's
 * direction (`dir="auto"`).
 */
export function quotedOriginal(source: ReplySource, mode: ReplyMode, writer: QuoteWriter = DEFAULT_WRITER): string {
  // Built from the page, so opening a reply costs no request; the server quotes the original again from Gmail
  // for the message itself.
  const dir = headerDirAttribute(writer);
  if (mode === "forward") {
    const lines = forwardHeaderLinesHtml(
      { from: formatAddress(source.from), date: source.date, subject: source.subject, to: addresses(source.to), cc: addresses(source.cc) },
      writer,
    );
    return `<p${dir}>${lines.join("<br>")}</p>${bodyHtml(source)}`;
  }
  return `<p${dir}>${replyAttributionHtml(formatAddress(source.from), source.date, writer)}</p><blockquote dir="auto">${bodyHtml(source)}</blockquote>`;
}

/** The composer's starting content for a reply, reply all or forward of `source`. */
export function replyDraft(
  source: ReplySource,
  mode: ReplyMode,
  options: { ownAddresses?: readonly string[]; writer?: QuoteWriter } = {},
): ComposerDraft {
  const { to, cc } = replyRecipients(source, mode, options.ownAddresses ?? []);
  return {
    account: source.account,
    to,
    cc,
    bcc: [],
    subject: derivedSubject(source.subject, mode),
    html: "",
    quoteHtml: quotedOriginal(source, mode, options.writer),
    inReplyTo: { messageId: source.messageId, mode },
  };
}
