// Base64 decoding a chunk at a time, for bodies too large to hold whole: the text arrives in pieces of any
// length (a network read ends wherever it ends), so up to three characters of a quantum wait for the next
// piece. Both alphabets are read (Gmail sends base64url, some tools standard base64), padding is optional,
// whitespace is skipped; anything else is an error rather than silently corrupted bytes.

const INVALID = -1;
const SKIP = -2;
const PAD = -3;

const SEXTETS = (() => {
  const table = new Int8Array(256).fill(INVALID);
  const standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < standard.length; i++) table[standard.charCodeAt(i)] = i;
  table["-".charCodeAt(0)] = 62;
  table["_".charCodeAt(0)] = 63;
  for (const space of [" ", "\t", "\r", "\n"]) table[space.charCodeAt(0)] = SKIP;
  table["=".charCodeAt(0)] = PAD;
  return table;
})();

export class Base64DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Base64DecodeError";
  }
}

export class Base64StreamDecoder {
  private quantum = 0;
  private held = 0;
  private padded = false;
  private decoded = 0;

  /** Bytes decoded so far. */
  get size(): number {
    return this.decoded;
  }

  /** Decodes one piece of base64 text (as ASCII bytes); returns the whole bytes it completes. */
  push(text: Uint8Array): Uint8Array {
    const out = new Uint8Array(Math.floor(((this.held + text.length) * 3) / 4) + 3);
    let written = 0;
    for (const code of text) {
      const sextet = SEXTETS[code]!;
      if (sextet === SKIP) continue;
      if (sextet === PAD) {
        // Padding only ever completes a quantum of two or three characters.
        if (this.held < 2 && !this.padded) throw new Base64DecodeError("padding in the wrong place");
        written += this.flushPartial(out, written);
        this.padded = true;
        continue;
      }
      if (sextet === INVALID) throw new Base64DecodeError("a character that is not base64");
      if (this.padded) throw new Base64DecodeError("data after the padding");
      this.quantum = (this.quantum << 6) | sextet;
      if (++this.held === 4) {
        out[written++] = (this.quantum >> 16) & 0xff;
        out[written++] = (this.quantum >> 8) & 0xff;
        out[written++] = this.quantum & 0xff;
        this.quantum = 0;
        this.held = 0;
      }
    }
    this.decoded += written;
    return out.subarray(0, written);
  }

  /** The last bytes, from an unpadded final quantum; throws when the text cannot have been base64. */
  end(): Uint8Array {
    if (this.held === 1) throw new Base64DecodeError("the text ends in the middle of a byte");
    const out = new Uint8Array(2);
    const written = this.flushPartial(out, 0);
    this.decoded += written;
    return out.subarray(0, written);
  }

  /** Two characters are one byte, three are two; the low bits left over are padding. */
  private flushPartial(out: Uint8Array, at: number): number {
    if (this.held === 0) return 0;
    if (this.held === 1) throw new Base64DecodeError("the text ends in the middle of a byte");
    const bits = this.quantum << (6 * (4 - this.held));
    out[at] = (bits >> 16) & 0xff;
    if (this.held === 3) out[at + 1] = (bits >> 8) & 0xff;
    const written = this.held - 1;
    this.quantum = 0;
    this.held = 0;
    return written;
  }
}
