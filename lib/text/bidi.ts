// Text a sender chose (a display name, a file name) shown in the interface. Unicode's bidi controls change the
// order characters are DRAWN in without changing the characters: "invoice\u202Efdp.exe" is drawn as
// "invoiceexe.pdf", an executable dressed as a PDF, and a name can be made to read as an address. A name or a
// file name has no use for them (the interface isolates each name with <bdi>/dir="auto" already, which is
// what lets Hebrew and English names read right), so they are dropped before the text is shown or saved.

/**
 * The explicit bidi controls: LRE, RLE, PDF, LRO, RLO (U+202A–U+202E), LRI, RLI, FSI, PDI (U+2066–U+2069),
 * the marks LRM and RLM (U+200E, U+200F) and the Arabic letter mark (U+061C).
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without bidi controls: drawn in the order its characters are written, so what ends it shows last. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
