// Gmail answers attachments.get (`{"size":N,"data":"<base64url>"}`) and messages.get?format=raw
// (`{…,"raw":"<base64url>"}`) with the bytes as one JSON string, 27 MB of text for a 20 MB file. Parsing that
// whole answer held it twice in memory; this scanner reads the JSON as it arrives and hands on the characters
// of one top-level string field, so only a network chunk is ever held. It is a small state machine over the
// top-level object: other fields are skipped (nested values by depth), top-level numbers are kept (`size`).

export class JsonScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonScanError";
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const MAX_KEY_CHARS = 64;

type State =
  | "start" // before the top-level `{`
  | "key" // expecting a key (or `}`)
  | "inKey"
  | "colon"
  | "value" // expecting a value
  | "inString" // a skipped string value (or a string inside a nested value)
  | "inField" // the wanted field's string: its characters are handed on
  | "scalar" // a number, true, false or null
  | "nested" // inside an object or array value
  | "comma" // after a value: `,` or `}`
  | "done";

export class JsonFieldScanner {
  private state: State = "start";
  private escaped = false;
  private key = "";
  private scalar = "";
  private depth = 0;
  private nestedInString = false;
  private found = false;
  /** Top-level numeric fields seen so far (`size`). */
  readonly numbers = new Map<string, number>();

  constructor(private readonly field: string) {}

  /** Whether the wanted field's string has been read to its end. */
  get complete(): boolean {
    return this.found && this.state !== "inField";
  }

  /** Reads one chunk of the JSON; returns the wanted field's characters it holds (possibly none). */
  push(chunk: Uint8Array): Uint8Array {
    const out = new Uint8Array(chunk.length);
    let written = 0;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk[i]!;
      if (this.state === "inField") {
        // The fast path: a run of plain characters is copied at once.
        if (this.escaped) {
          this.escaped = false;
          // Base64 needs no escape but `\/` is allowed for `/`; anything else cannot be base64 text.
          if (code !== SLASH) throw new JsonScanError("an escape the field cannot hold");
          out[written++] = SLASH;
        } else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.state = "comma";
        else out[written++] = code;
        continue;
      }
      this.step(code);
    }
    return out.subarray(0, written);
  }

  /** The JSON has ended: throws when it ended inside the wanted field or before the object closed. */
  end(): void {
    if (this.state !== "done") throw new JsonScanError("the answer ended early");
  }

  private step(code: number): void {
    const char = String.fromCharCode(code);
    const space = char === " " || char === "\n" || char === "\r" || char === "\t";
    switch (this.state) {
      case "start":
        if (char === "{") this.state = "key";
        else if (!space) throw new JsonScanError("not a JSON object");
        return;
      case "key":
        if (char === '"') {
          this.key = "";
          this.state = "inKey";
        } else if (char === "}") this.state = "done";
        else if (!space) throw new JsonScanError("a key was expected");
        return;
      case "inKey":
        if (this.escaped) {
          this.escaped = false;
          this.key += char;
        } else if (char === "\\") this.escaped = true;
        else if (char === '"') this.state = "colon";
        else if (this.key.length < MAX_KEY_CHARS) this.key += char;
        return;
      case "colon":
        if (char === ":") this.state = "value";
        else if (!space) throw new JsonScanError("a colon was expected");
        return;
      case "value":
        if (space) return;
        if (char === '"') {
          const wanted = this.key === this.field;
          if (wanted) this.found = true;
          this.state = wanted ? "inField" : "inString";
        } else if (char === "{" || char === "[") {
          this.depth = 1;
          this.nestedInString = false;
          this.state = "nested";
        } else {
          this.scalar = char;
          this.state = "scalar";
        }
        return;
      case "inString":
        if (this.escaped) this.escaped = false;
        else if (char === "\\") this.escaped = true;
        else if (char === '"') this.state = "comma";
        return;
      case "scalar":
        if (char === "," || char === "}" || space) {
          const number = Number(this.scalar);
          if (this.scalar !== "" && Number.isFinite(number)) this.numbers.set(this.key, number);
          this.state = char === "," ? "key" : char === "}" ? "done" : "comma";
        } else this.scalar += char;
        return;
      case "nested":
        this.stepNested(char);
        return;
      case "comma":
        if (char === ",") this.state = "key";
        else if (char === "}") this.state = "done";
        else if (!space) throw new JsonScanError("a comma was expected");
        return;
      case "done":
        if (!space) throw new JsonScanError("text after the object");
        return;
      case "inField":
        return;
    }
  }

  private stepNested(char: string): void {
    if (this.nestedInString) {
      if (this.escaped) this.escaped = false;
      else if (char === "\\") this.escaped = true;
      else if (char === '"') this.nestedInString = false;
      return;
    }
    if (char === '"') this.nestedInString = true;
    else if (char === "{" || char === "[") this.depth++;
    else if ((char === "}" || char === "]") && --this.depth === 0) this.state = "comma";
  }
}
