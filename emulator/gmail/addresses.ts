import { decodeEncodedWords } from "./mime-headers";

/** One mailbox of an address header: the display name (decoded) and the address, lower case. */
export interface Address {
  name: string;
  email: string;
}

// An address Gmail accepts: a plain local part and a dotted domain (`human@f` and Python list reprs are refused).
const ADDR_SPEC = /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * Parses an RFC 5322 address list (`Name <a@b.c>, "Doe, John" <j@x.com>, c@d.e`, groups `team: a@b.c;`,
 * comments). Undefined when any member is not a valid mailbox: Gmail answers "Invalid To header" then.
 */
export function parseAddressList(value: string): Address[] | undefined {
  const out: Address[] = [];
  for (const token of splitTopLevel(value)) {
    const trimmed = stripGroup(token.trim());
    if (trimmed === "") continue;
    const angle = /^(.*)<([^<>]*)>\s*$/.exec(trimmed);
    const email = (angle ? (angle[2] ?? "") : trimmed.replace(/\([^)]*\)/g, "")).trim();
    if (!ADDR_SPEC.test(email)) return undefined;
    if (!angle && /\s/.test(trimmed.replace(/\([^)]*\)/g, "").trim())) return undefined;
    const phrase = angle ? (angle[1] ?? "").trim().replace(/^"(.*)"$/, "$1") : "";
    out.push({ name: decodeEncodedWords(phrase), email: email.toLowerCase() });
  }
  return out;
}

/** Splits on commas outside quotes, angle brackets and comments; a group's `;` ends a member too. */
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? "";
    if (ch === "\\" && quoted) {
      current += ch + (value[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"' && comment === 0) quoted = !quoted;
    else if (!quoted && ch === "(") comment++;
    else if (!quoted && ch === ")" && comment > 0) comment--;
    else if (!quoted && comment === 0 && ch === "<") angle++;
    else if (!quoted && comment === 0 && ch === ">" && angle > 0) angle--;
    if (!quoted && comment === 0 && angle === 0 && (ch === "," || ch === ";")) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** `Team: a@b.c` → `a@b.c` (the group's display name is not an address). */
function stripGroup(token: string): string {
  if (token.startsWith('"') || token.includes("<")) {
    const colon = /^([^"<]*?):(.*)$/.exec(token);
    return colon && !colon[1]?.includes("@") ? (colon[2] ?? "").trim() : token;
  }
  const colon = token.indexOf(":");
  return colon > 0 && !token.slice(0, colon).includes("@") ? token.slice(colon + 1).trim() : token;
}
