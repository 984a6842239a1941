/**
 * Parses Gmail's `q` syntax into a tree. Juxtaposition is AND, `OR` (uppercase only) and
 * `{a b}` are OR, `-x` negates, `( )` groups, `op:value` takes a word, a "phrase" or a (group).
 */
export type TextField = "any" | "subject" | "from" | "to" | "cc" | "bcc" | "deliveredto";

export type SearchNode =
  | { kind: "and"; nodes: SearchNode[] }
  | { kind: "or"; nodes: SearchNode[] }
  | { kind: "not"; node: SearchNode }
  | { kind: "text"; field: TextField; value: string; phrase: boolean }
  | { kind: "op"; name: string; value: string };

const TEXT_FIELDS = new Set<string>(["subject", "from", "to", "cc", "bcc", "deliveredto"]);
const OPERATORS = new Set<string>([
  "is",
  "in",
  "label",
  "category",
  "has",
  "filename",
  "after",
  "before",
  "older",
  "newer",
  "older_than",
  "newer_than",
  "larger",
  "smaller",
  "size",
  "rfc822msgid",
]);

/** Characters that end a bare word. */
const WORD_END = /[\s(){}"]/;

export function parseSearchQuery(query: string): SearchNode {
  return new Parser(query).parseQuery();
}

class Parser {
  private pos = 0;

  constructor(private readonly input: string) {}

  parseQuery(): SearchNode {
    const nodes: SearchNode[] = [];
    while (this.skipSpace()) {
      if (this.peek() === ")" || this.peek() === "}") {
        this.pos++; // an unbalanced closer is ignored, as Gmail does
        continue;
      }
      nodes.push(this.parseOr(undefined));
    }
    return and(nodes);
  }

  /** `unary (OR unary)*` */
  private parseOr(field: string | undefined): SearchNode {
    const alternatives = [this.parseUnary(field)];
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      if (this.input.startsWith("OR", this.pos) && this.isBoundary(this.pos + 2)) {
        this.pos += 2;
        if (this.skipSpace() && this.peek() !== ")" && this.peek() !== "}") {
          alternatives.push(this.parseUnary(field));
          continue;
        }
      }
      this.pos = save;
      break;
    }
    return alternatives.length === 1 ? (alternatives[0] as SearchNode) : { kind: "or", nodes: alternatives };
  }

  private parseUnary(field: string | undefined): SearchNode {
    this.skipSpace();
    const next = this.input[this.pos + 1];
    if (this.peek() === "-" && next !== undefined && !/\s/.test(next)) {
      this.pos++;
      return { kind: "not", node: this.parseUnary(field) };
    }
    return this.parsePrimary(field);
  }

  private parsePrimary(field: string | undefined): SearchNode {
    const ch = this.peek();
    if (ch === "(") return and(this.parseGroup(")", field));
    if (ch === "{") return or(this.parseGroup("}", field));
    if (ch === '"') return term(field, this.readPhrase(), true);
    const operator = /^([A-Za-z][A-Za-z0-9_]*):/.exec(this.input.slice(this.pos));
    const name = operator?.[1]?.toLowerCase();
    if (operator && name && (TEXT_FIELDS.has(name) || OPERATORS.has(name))) {
      this.pos += operator[0].length;
      const valueStart = this.peek();
      if (valueStart === "(") return and(this.parseGroup(")", name));
      if (valueStart === "{") return or(this.parseGroup("}", name));
      if (valueStart === '"') return term(name, this.readPhrase(), true);
      const value = this.readWord();
      return value === "" ? { kind: "text", field: "any", value: operator[0], phrase: false } : term(name, value, false);
    }
    return term(field, this.readWord(), false);
  }

  private parseGroup(closer: ")" | "}", field: string | undefined): SearchNode[] {
    this.pos++;
    const nodes: SearchNode[] = [];
    while (this.skipSpace() && this.peek() !== closer) nodes.push(this.parseOr(field));
    if (this.peek() === closer) this.pos++;
    return nodes;
  }

  private readPhrase(): string {
    this.pos++;
    const end = this.input.indexOf('"', this.pos);
    const phrase = this.input.slice(this.pos, end === -1 ? undefined : end);
    this.pos = end === -1 ? this.input.length : end + 1;
    return phrase;
  }

  private readWord(): string {
    const start = this.pos;
    while (this.pos < this.input.length && !WORD_END.test(this.input[this.pos] ?? "")) this.pos++;
    if (this.pos === start && this.pos < this.input.length) this.pos++; // never stall on a stray character
    return this.input.slice(start, this.pos);
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }

  private isBoundary(at: number): boolean {
    const ch = this.input[at];
    return ch === undefined || /[\s(){}"-]/.test(ch);
  }

  /** Skips whitespace; false at the end of input. */
  private skipSpace(): boolean {
    while (this.pos < this.input.length && /\s/.test(this.input[this.pos] ?? "")) this.pos++;
    return this.pos < this.input.length;
  }
}

function term(field: string | undefined, value: string, phrase: boolean): SearchNode {
  if (field === undefined) return { kind: "text", field: "any", value, phrase };
  if (TEXT_FIELDS.has(field)) return { kind: "text", field: field as TextField, value, phrase };
  return { kind: "op", name: field, value };
}

function and(nodes: SearchNode[]): SearchNode {
  return nodes.length === 1 ? (nodes[0] as SearchNode) : { kind: "and", nodes };
}

function or(nodes: SearchNode[]): SearchNode {
  return nodes.length === 1 ? (nodes[0] as SearchNode) : { kind: "or", nodes };
}

/** Whether the query asks for spam or trash explicitly, which lifts their default exclusion. */
export function queryReachesSpamOrTrash(node: SearchNode, negated = false): boolean {
  switch (node.kind) {
    case "and":
    case "or":
      return node.nodes.some((n) => queryReachesSpamOrTrash(n, negated));
    case "not":
      return queryReachesSpamOrTrash(node.node, !negated);
    case "op": {
      if (negated) return false;
      const value = node.value.toLowerCase();
      if (node.name === "in") return value === "spam" || value === "trash" || value === "anywhere";
      if (node.name === "label") return value === "spam" || value === "trash";
      return false;
    }
    default:
      return false;
  }
}
