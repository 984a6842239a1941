import { parseDateArgument, parseSize, relativeCutoff } from "./search-dates";
import type { SearchNode, TextField } from "./search-parser";

/** What search needs from a message, precomputed once at insert (see search-doc.ts). */
export interface SearchDoc {
  /** Space-padded lower-case words of subject, body and address headers: ` a b c `. */
  words: string;
  /** Lower-case text of the same fields, for terms that have no word characters (emoji). */
  text: string;
  subjectWords: string;
  subjectText: string;
  /** Lower-case decoded header values. */
  from: string;
  to: string;
  cc: string;
  bcc: string;
  deliveredTo: string;
  filenames: string[];
  /** Message-ID without angle brackets, lower case. */
  messageId: string;
}

export interface SearchableMessage {
  labelIds: readonly string[];
  internalDate: number;
  sizeEstimate: number;
  doc: SearchDoc;
}

export interface MatchContext {
  userEmail: string;
  now: number;
  /** Label names normalised as `label:` writes them (lower case, spaces and `/` as `-`) → label id. */
  labelIdsByName: Map<string, string>;
}

export function normaliseLabelName(name: string): string {
  return name.toLowerCase().replace(/[\s/]+/g, "-");
}

/** Hebrew points and cantillation: optional vowel marks, so "פְּגִישָׁה" is the word "פגישה". */
const HEBREW_MARKS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;

export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFKC")
      .replace(HEBREW_MARKS, "")
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  );
}

export function matchesQuery(node: SearchNode, message: SearchableMessage, context: MatchContext): boolean {
  switch (node.kind) {
    case "and":
      return node.nodes.every((n) => matchesQuery(n, message, context));
    case "or":
      return node.nodes.some((n) => matchesQuery(n, message, context));
    case "not":
      return !matchesQuery(node.node, message, context);
    case "text":
      return matchesText(node.field, node.value, message.doc, context);
    case "op":
      return matchesOperator(node.name, node.value, message, context);
  }
}

function matchesText(field: TextField, value: string, doc: SearchDoc, context: MatchContext): boolean {
  switch (field) {
    case "any":
      return containsWords(doc.words, doc.text, value);
    case "subject":
      return containsWords(doc.subjectWords, doc.subjectText, value);
    case "from":
      return addressMatches(doc.from, value, context);
    case "to":
      // Gmail's to: also finds the user among Cc and Bcc recipients.
      return addressMatches(doc.to, value, context) || addressMatches(doc.cc, value, context) || addressMatches(doc.bcc, value, context);
    case "cc":
      return addressMatches(doc.cc, value, context);
    case "bcc":
      return addressMatches(doc.bcc, value, context);
    case "deliveredto":
      return addressMatches(doc.deliveredTo || doc.to, value, context);
  }
}

/** Whole-word (or contiguous-words) match; Gmail does not match inside words ("port" ≠ "report"). */
function containsWords(words: string, text: string, value: string): boolean {
  const terms = wordsOf(value);
  if (terms.length === 0) return value.trim() === "" || text.includes(value.toLowerCase().trim());
  return words.includes(` ${terms.join(" ")} `);
}

function addressMatches(header: string, value: string, context: MatchContext): boolean {
  const needle = value.toLowerCase() === "me" ? context.userEmail.toLowerCase() : value.toLowerCase();
  return needle !== "" && header.includes(needle);
}

const CATEGORIES: Record<string, string> = {
  primary: "CATEGORY_PERSONAL",
  personal: "CATEGORY_PERSONAL",
  social: "CATEGORY_SOCIAL",
  promotions: "CATEGORY_PROMOTIONS",
  updates: "CATEGORY_UPDATES",
  forums: "CATEGORY_FORUMS",
};

const LOCATIONS: Record<string, string> = {
  inbox: "INBOX",
  sent: "SENT",
  drafts: "DRAFT",
  draft: "DRAFT",
  spam: "SPAM",
  trash: "TRASH",
  starred: "STARRED",
  important: "IMPORTANT",
  unread: "UNREAD",
};

function matchesOperator(name: string, rawValue: string, message: SearchableMessage, context: MatchContext): boolean {
  const value = rawValue.toLowerCase();
  const has = (label: string) => message.labelIds.includes(label);
  switch (name) {
    case "is":
      if (value === "unread") return has("UNREAD");
      if (value === "read") return !has("UNREAD");
      if (value === "starred") return has("STARRED");
      if (value === "important") return has("IMPORTANT");
      return false; // snoozed, muted, chat: not emulated
    case "in": {
      if (value === "anywhere") return true;
      const location = LOCATIONS[value];
      return location !== undefined ? has(location) : labelMatches(value, message, context);
    }
    case "label":
      return labelMatches(value, message, context);
    case "category": {
      const label = CATEGORIES[value];
      return label !== undefined && has(label);
    }
    case "has":
      if (value === "attachment") return message.doc.filenames.length > 0;
      if (value === "userlabels") return message.labelIds.some((l) => l.startsWith("Label_"));
      if (value === "nouserlabels") return !message.labelIds.some((l) => l.startsWith("Label_"));
      return false;
    case "filename":
      return message.doc.filenames.some((f) => f === value || f.endsWith(`.${value}`) || f.includes(value));
    case "after":
    case "newer":
    case "before":
    case "older": {
      const at = parseDateArgument(value);
      if (at === undefined) return false;
      return name === "after" || name === "newer" ? message.internalDate >= at : message.internalDate < at;
    }
    case "newer_than":
    case "older_than": {
      const cutoff = relativeCutoff(value, context.now);
      if (cutoff === undefined) return false;
      return name === "newer_than" ? message.internalDate > cutoff : message.internalDate < cutoff;
    }
    case "larger":
    case "size":
    case "smaller": {
      const bytes = parseSize(value);
      if (bytes === undefined) return false;
      return name === "smaller" ? message.sizeEstimate < bytes : message.sizeEstimate > bytes;
    }
    case "rfc822msgid":
      return message.doc.messageId === value.replace(/^<|>$/g, "");
    default:
      return false;
  }
}

function labelMatches(value: string, message: SearchableMessage, context: MatchContext): boolean {
  const id = context.labelIdsByName.get(normaliseLabelName(value));
  return id !== undefined && message.labelIds.includes(id);
}
