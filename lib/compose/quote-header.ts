// The lines Mailroom writes above a quoted original, in the writer's interface language: "On DATE, NAME <ADDR>
// wrote:" ("ב-DATE, NAME <ADDR> כתב/ה:") over a reply's quote, and a forward's "Forwarded message" block with the
// original's From, Date, Subject, To and Cc. The words come from the "mail" catalogue (messages/*/mail.json).
// Names, addresses and subjects are mail text of either direction, so each sits in its own <bdi>: a Latin name
// in a Hebrew line (or a Hebrew one in an English line) keeps its place instead of reordering the words around
// it; the text/plain alternative carries the same isolation as FSI…PDI (lib/compose/composer-html.ts).
// Pure: the server's copy (what is sent) and the composer's preview are made by the same code.
import { createTranslator } from "next-intl";
import enMail from "../../messages/en/mail.json";
import heMail from "../../messages/he/mail.json";
import { type Locale, directionOf } from "../i18n/locales";

/** Who writes: their interface language, and the tag and zone their dates are written in. */
export type QuoteWriter = {
  language: Locale;
  /** The formatting tag ("en-US", "he-IL"); without it a date is written as the original's Date header has it. */
  locale?: string | undefined;
  timeZone?: string | undefined;
};

export const DEFAULT_WRITER: QuoteWriter = { language: "en" };

const CATALOGUES = { en: enMail, he: heMail } satisfies Record<Locale, typeof enMail>;

/** Text made safe to place inside HTML (the header carries names and subjects from mail). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Mail text in a header line, escaped and isolated from the words around it. */
const isolated = (text: string) => `<bdi>${escapeHtml(text)}</bdi>`;

function translatorFor(writer: QuoteWriter) {
  return createTranslator({ locale: writer.language, messages: { mail: CATALOGUES[writer.language] }, namespace: "mail.quote" });
}

/** The original's date as the writer reads it: in their language and zone (the header's own text otherwise). */
export function quoteDate(date: string | null, writer: QuoteWriter): string {
  const t = translatorFor(writer);
  if (!date) return t("unknownDate");
  const time = new Date(date);
  if (writer.locale === undefined || Number.isNaN(time.getTime())) return date;
  return new Intl.DateTimeFormat(writer.locale, { dateStyle: "medium", timeStyle: "short", timeZone: writer.timeZone }).format(time);
}

/** The `dir` a header line carries: Hebrew lines say so; English ones are left as they always were. */
export function headerDirAttribute(writer: QuoteWriter): string {
  return directionOf(writer.language) === "rtl" ? ' dir="rtl"' : "";
}

/** "On DATE, NAME <ADDR> wrote:" as HTML, `person` being "NAME <ADDR>" (or whatever the From header said). */
export function replyAttributionHtml(person: string, date: string | null, writer: QuoteWriter): string {
  const t = translatorFor(writer);
  const sender = person.trim() === "" ? t("unknownSender") : person;
  return t("wrote", { date: escapeHtml(quoteDate(date, writer)), person: isolated(sender) });
}

export type ForwardedHeaders = { from: string; date: string | null; subject: string | null; to: string | null; cc: string | null };

/** A forward's header block as HTML lines: the marker, then From, Date, Subject, To and Cc (those present). */
export function forwardHeaderLinesHtml(headers: ForwardedHeaders, writer: QuoteWriter): string[] {
  const t = translatorFor(writer);
  const line = (label: string, value: string | null, isolate = true) =>
    value ? [`${escapeHtml(label)}: ${isolate ? isolated(value) : escapeHtml(value)}`] : [];
  return [
    escapeHtml(t("forwarded")),
    ...line(t("from"), headers.from),
    ...(headers.date ? line(t("date"), quoteDate(headers.date, writer), false) : []),
    ...line(t("subject"), headers.subject),
    ...line(t("to"), headers.to),
    ...line(t("cc"), headers.cc),
  ];
}
