// Google's partial responses: the standard `fields` query parameter names the parts of a JSON answer the
// client wants, and only those come back. Syntax, as Google documents it:
//   a,b          several fields
//   a/b          b inside a (inside each element when a is an array)
//   a(b,c)       b and c inside a; sub-selections nest: a(b/c,d(e))
//   *            every field at that level
// Names are checked against a vocabulary (the fields of the API's schemas): a name the API does not have,
// or a malformed expression, is refused with 400 before the method runs, as Google refuses it.

/** For each selected name: everything under it, or a narrower selection. */
export type FieldSelection = Map<string, FieldSelection | "all">;

export class FieldsSyntaxError extends Error {}

const NAME = /^[A-Za-z_$][\w$]*$/;

class Parser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly known: ReadonlySet<string>,
  ) {}

  parseAll(): FieldSelection {
    const selection = this.parseList();
    if (this.position < this.text.length) this.fail();
    return selection;
  }

  private parseList(): FieldSelection {
    const selection: FieldSelection = new Map();
    for (;;) {
      this.parseItem(selection);
      if (this.peek() !== ",") return selection;
      this.position += 1;
    }
  }

  private parseItem(into: FieldSelection): void {
    const path = [this.parseName()];
    while (this.peek() === "/") {
      this.position += 1;
      path.push(this.parseName());
    }
    let leaf: FieldSelection | "all" = "all";
    if (this.peek() === "(") {
      this.position += 1;
      leaf = this.parseList();
      if (this.peek() !== ")") this.fail();
      this.position += 1;
    }
    addPath(into, path, leaf);
  }

  private parseName(): string {
    this.skipSpaces();
    const rest = this.text.slice(this.position);
    const name = /^[^,/()\s]*/.exec(rest)?.[0] ?? "";
    if (name !== "*" && (!NAME.test(name) || !this.known.has(name))) throw new FieldsSyntaxError(this.text);
    this.position += name.length;
    this.skipSpaces();
    return name;
  }

  private peek(): string | undefined {
    this.skipSpaces();
    return this.text[this.position];
  }

  private skipSpaces(): void {
    while (this.text[this.position] === " ") this.position += 1;
  }

  private fail(): never {
    throw new FieldsSyntaxError(this.text);
  }
}

function addPath(into: FieldSelection, path: string[], leaf: FieldSelection | "all"): void {
  const [head, ...rest] = path as [string, ...string[]];
  const existing = into.get(head);
  if (rest.length === 0) {
    into.set(head, merge(existing, leaf));
    return;
  }
  if (existing === "all") return;
  const child: FieldSelection = existing ?? new Map<string, FieldSelection | "all">();
  into.set(head, child);
  addPath(child, rest, leaf);
}

function merge(existing: FieldSelection | "all" | undefined, added: FieldSelection | "all"): FieldSelection | "all" {
  if (existing === undefined) return added;
  if (existing === "all" || added === "all") return "all";
  for (const [name, sub] of added) existing.set(name, merge(existing.get(name), sub));
  return existing;
}

/**
 * The selection a `fields` value asks for; null when it asks for everything (absent or empty).
 * Throws FieldsSyntaxError when the expression is malformed or names a field the API does not have.
 */
export function parseFields(text: string | null, known: ReadonlySet<string>): FieldSelection | null {
  if (text === null || text.trim() === "") return null;
  return new Parser(text, known).parseAll();
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** Keeps only the selected fields of a JSON value, in the value's own order. */
export function selectFields(value: unknown, selection: FieldSelection): unknown {
  if (Array.isArray(value)) return value.map((item) => selectFields(item, selection));
  if (value === null || typeof value !== "object") return value;
  const everything = selection.get("*");
  const result: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const named = selection.get(name);
    const wanted = named === undefined ? everything : everything === undefined ? named : merge(copySelection(named), everything);
    if (wanted === undefined) continue;
    const picked = wanted === "all" ? child : selectFields(child, wanted);
    // An object none of whose selected fields is present is left out, as Google leaves it out.
    if (isEmptyObject(picked) && !isEmptyObject(child)) continue;
    result[name] = picked;
  }
  return result;
}

function copySelection(selection: FieldSelection | "all"): FieldSelection | "all" {
  if (selection === "all") return "all";
  return new Map([...selection].map(([name, sub]) => [name, copySelection(sub)]));
}
