import "server-only";

import { type gmail_v1 } from "@googleapis/gmail";
import { decodeHTML } from "entities";

import { decodeEncodedWords } from "./encoded-words";
import { parseMailbox, type Mailbox } from "./mailbox-address";

// Reading a Gmail message's metadata defensively: every header may be missing, repeated, oddly cased or
// malformed, and one bad message must never break an inbox page.

export { decodeEncodedWords } from "./encoded-words";
export { parseMailbox, parseMailboxList, type Mailbox } from "./mailbox-address";

export type MessageSummary = {
  id: string;
  threadId: string;
  from: Mailbox;
  /** Decoded; "" when the message has no Subject header. */
  subject: string;
  /** ISO 8601, or null when neither Gmail's internalDate nor the Date header is usable. */
  date: string | null;
  /** Plain text; Gmail sends it HTML-escaped (`&#39;`), which is undone here. */
  snippet: string;
  unread: boolean;
  starred: boolean;
  labelIds: string[];
};

type Header = gmail_v1.Schema$MessagePartHeader;

/** The first value of a header, matched case-insensitively, or null when absent. */
export function headerValue(headers: readonly Header[] | null | undefined, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const header of headers ?? []) {
    if (header.name?.toLowerCase() === wanted && typeof header.value === "string") return header.value;
  }
  return null;
}

// Past this, a millisecond timestamp is not a date any JavaScript Date can hold.
const MAX_DATE_MS = 8.64e15;

/**
 * When the message arrived, as ISO 8601. Gmail's internalDate (epoch ms as a string) is preferred, being set
 * by Gmail itself; the sender-controlled Date header is the fallback. Null when neither is valid.
 */
export function parseMessageDate(dateHeader: string | null | undefined, internalDate: string | null | undefined): string | null {
  const internal = internalDate?.trim() ?? "";
  if (/^\d{1,16}$/.test(internal)) {
    const ms = Number(internal);
    if (ms > 0 && ms <= MAX_DATE_MS) return new Date(ms).toISOString();
  }
  return parseDateHeader(dateHeader);
}

function parseDateHeader(value: string | null | undefined): string | null {
  if (!value) return null;
  // Comments such as "(UTC)" or "(Pacific Standard Time)" are common and only confuse Date.parse.
  const cleaned = value
    .replace(/\([^()]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned === "") return null;
  const ms = Date.parse(cleaned);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The inbox row for a message fetched with format=metadata (or full); never throws on odd input. */
export function summarizeMessage(message: gmail_v1.Schema$Message): MessageSummary {
  const headers = message.payload?.headers;
  const labelIds = (message.labelIds ?? []).filter((id): id is string => typeof id === "string");
  const id = message.id ?? "";
  return {
    id,
    threadId: message.threadId ?? id,
    from: parseMailbox(headerValue(headers, "From")),
    subject: oneLine(decodeEncodedWords(headerValue(headers, "Subject") ?? "")),
    date: parseMessageDate(headerValue(headers, "Date"), message.internalDate),
    snippet: decodeHTML(message.snippet ?? ""),
    unread: labelIds.includes("UNREAD"),
    starred: labelIds.includes("STARRED"),
    labelIds,
  };
}

/** Subjects are shown on one line; stray CR/LF/tab from broken folding would otherwise leak into the UI. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").trim();
}
