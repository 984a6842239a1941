import { decodeEncodedWords } from "./encoded-words";

// From/To/Cc values as real mail has them: quoted names with commas, encoded words, bare addresses, comments,
// groups, and plenty that no RFC allows. Parsing is best effort and never throws: the inbox must render
// whatever arrives.
//
// A display name is the sender's free text, and Gmail decodes encoded words before we see a header, so
// `=?UTF-8?B?…?= <attacker@evil.example>` can arrive as `Google Security <no-reply@accounts.google.com>
// <attacker@evil.example>`. Two rules keep the sender's real address on screen: the address is the last
// angle address (what precedes it can only be name text), and a name that contains `@`, `<` or `>` is dropped,
// so it never reads as an address; the address is shown instead.

export type Mailbox = { name: string | null; email: string | null };

// A fresh object each time, so a caller that mutates its result cannot affect the next one.
const empty = (): Mailbox => ({ name: null, email: null });

type Scan = { char: string; index: number };

/** The characters of `text` that sit outside quoted strings, comments and angle brackets. */
function* scan(text: string): Generator<Scan> {
  let quoted = false;
  let commentDepth = 0;
  let angled = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === "\\" && (quoted || commentDepth > 0)) {
      index++; // an escaped character never changes the state
      continue;
    }
    if (quoted) {
      if (char === '"') quoted = false;
    } else if (commentDepth > 0) {
      if (char === "(") commentDepth++;
      else if (char === ")") commentDepth--;
    } else if (angled) {
      if (char === ">") angled = false;
    } else {
      yield { char, index };
      if (char === '"') quoted = true;
      else if (char === "(") commentDepth = 1;
      else if (char === "<") angled = true;
    }
  }
}

/**
 * The one mailbox a From-like header names; the last one with an address if it seems to name several, since
 * everything before the real address may be a decoded display name.
 */
export function parseMailbox(value: string | null | undefined): Mailbox {
  const text = unfold(value);
  if (text === "") return empty();
  const angles = [...scan(text)].filter((s) => s.char === "<").length;
  // One angle address and no group: the rest is all display name, even with an unquoted comma in it.
  if (angles === 1 && !isGroup(text)) return parseOne(text);
  const list = parseMailboxList(text);
  return list.findLast((m) => m.email !== null) ?? list[list.length - 1] ?? empty();
}

/** Every mailbox in a To/Cc-like header, group members included; items with neither name nor address dropped. */
export function parseMailboxList(value: string | null | undefined): Mailbox[] {
  const text = unfold(value);
  const items: string[] = [];
  let start = 0;
  for (const { char, index } of scan(text)) {
    // "," separates mailboxes; "name:" opens a group (its name is dropped) and ";" closes it.
    if (char === "," || char === ";" || char === ":") {
      if (char !== ":") items.push(text.slice(start, index));
      start = index + 1;
    }
  }
  items.push(text.slice(start));
  return mergeSplitNames(items.map((item) => item.trim()).filter((item) => item !== ""))
    .map(parseOne)
    .filter((m) => m.name !== null || m.email !== null);
}

/** Rejoins `Doe, John <john@example.com>`, an unquoted comma some mailers put in names. */
function mergeSplitNames(items: readonly string[]): string[] {
  const merged: string[] = [];
  let prefix: string | null = null;
  items.forEach((item, i) => {
    const joined = prefix === null ? item : `${prefix}, ${item}`;
    const next = items[i + 1];
    if (next !== undefined && !/[@<]/.test(item) && hasAngleWithName(next)) {
      prefix = joined;
      return;
    }
    merged.push(joined);
    prefix = null;
  });
  return merged;
}

function hasAngleWithName(item: string): boolean {
  const angle = [...scan(item)].find((s) => s.char === "<");
  return angle !== undefined && item.slice(0, angle.index).trim() !== "";
}

function isGroup(text: string): boolean {
  return [...scan(text)].some((s) => s.char === ":");
}

function parseOne(text: string): Mailbox {
  // The last angle address is the real one: an earlier `<…>` can only be part of the display name.
  const angle = [...scan(text)].findLast((s) => s.char === "<");
  if (angle) {
    const close = text.indexOf(">", angle.index);
    const inside = text.slice(angle.index + 1, close < 0 ? undefined : close);
    const after = close < 0 ? "" : text.slice(close + 1);
    return {
      email: cleanAddress(inside),
      name: cleanName(text.slice(0, angle.index)) ?? cleanName(commentsOf(after).join(" ")),
    };
  }
  const comments = commentsOf(text);
  const rest = withoutComments(text).trim();
  if (rest.includes("@")) {
    const email = cleanAddress(rest);
    // A bare address that fails to clean (spaces, quotes in odd places) is still shown as a name.
    return { email, name: cleanName(comments.join(" ")) ?? (email === null ? cleanName(rest) : null) };
  }
  return { email: null, name: cleanName(rest) ?? cleanName(comments.join(" ")) };
}

function commentsOf(text: string): string[] {
  const comments: string[] = [];
  const opens = [...scan(text)].filter((s) => s.char === "(");
  for (const open of opens) {
    let depth = 0;
    for (let i = open.index; i < text.length; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === "(") depth++;
      else if (text[i] === ")" && --depth === 0) {
        comments.push(text.slice(open.index + 1, i));
        break;
      }
    }
  }
  return comments;
}

function withoutComments(text: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\" && (quoted || depth > 0)) {
      if (depth === 0) out += text.slice(i, i + 2);
      i++;
    } else if (quoted) {
      out += char;
      if (char === '"') quoted = false;
    } else if (char === "(") depth++;
    else if (char === ")" && depth > 0) depth--;
    else if (depth === 0) {
      out += char;
      if (char === '"') quoted = true;
    }
  }
  return out;
}

function cleanAddress(raw: string): string | null {
  let address = withoutComments(raw)
    .trim()
    .replace(/^mailto:/i, "");
  // Obsolete source routes: <@relay1,@relay2:user@example.com>.
  address = address.replace(/^(?:@[^,:]+,?)+:/, "").trim();
  const at = address.lastIndexOf("@");
  // Whitespace is legal only inside a quoted local part ("john doe"@example.com).
  const unquoted = address.replace(/"(?:[^"\\]|\\.)*"/g, "");
  if (at <= 0 || at === address.length - 1 || /\s/.test(unquoted)) return null;
  return address;
}

function cleanName(raw: string): string | null {
  let name = raw.trim();
  if (name === "") return null;
  // Quotes delimit, backslashes escape; neither is part of the name a person reads.
  name = name.replace(/\\(.)|"/g, (_, escaped: string | undefined) => escaped ?? "");
  name = decodeEncodedWords(name).replace(/\s+/g, " ").trim();
  // Some clients wrap the whole name in single quotes: 'Bob Smith' <bob@example.com>.
  if (/^'.*'$/.test(name) && name.length >= 2) name = name.slice(1, -1).trim();
  // A name that looks like (or holds) an address could pass for one: it never stands in for the real address.
  if (/[@<>]/.test(name)) return null;
  return name === "" ? null : name;
}

function unfold(value: string | null | undefined): string {
  return (value ?? "").replace(/\r?\n(?=[ \t])/g, "").trim();
}
