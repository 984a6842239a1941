/**
 * The one place that decides which shortcut a key press is. Gmail's shortcuts are Latin letters and symbols;
 * with a non-Latin layout on (Hebrew: the E key types "ק") the press still means the Latin key printed at the
 * same place on a US keyboard, which `event.code` names. A layout that types Latin characters (AZERTY, Dvorak)
 * keeps its own letters, as Gmail does.
 */

const TEXT_INPUT_TYPES = new Set([
  "text",
  "search",
  "email",
  "url",
  "tel",
  "password",
  "number",
  "date",
  "time",
  "datetime-local",
  "month",
  "week",
]);

/** The US layout's characters by key position, unshifted and shifted, for the keys shortcuts use. */
const US_LAYOUT: Record<string, readonly [string, string]> = {
  Digit1: ["1", "!"],
  Digit2: ["2", "@"],
  Digit3: ["3", "#"],
  Digit4: ["4", "$"],
  Digit5: ["5", "%"],
  Digit6: ["6", "^"],
  Digit7: ["7", "&"],
  Digit8: ["8", "*"],
  Digit9: ["9", "("],
  Digit0: ["0", ")"],
  Minus: ["-", "_"],
  Equal: ["=", "+"],
  BracketLeft: ["[", "{"],
  BracketRight: ["]", "}"],
  Backslash: ["\\", "|"],
  Semicolon: [";", ":"],
  Quote: ["'", '"'],
  Backquote: ["`", "~"],
  Comma: [",", "<"],
  Period: [".", ">"],
  Slash: ["/", "?"],
};

const MIRRORED: Record<string, string> = { "[": "]", "]": "[", "{": "}", "}": "{", "(": ")", ")": "(", "<": ">", ">": "<" };

/** A key value that is one printable ASCII character: a Latin layout's letter or symbol. */
function isLatin(key: string): boolean {
  return key.length === 1 && key >= " " && key <= "~";
}

/** What a layout gives that is no character at all: dead keys, input-method keys, unknown keys. */
const NO_CHARACTER = new Set(["Dead", "Unidentified", "Process"]);

/**
 * The shortcut character of a key press, whatever the layout: `event.key` when it is Latin (or a named key
 * such as "ArrowDown" or "Enter"), else the US character at `event.code`'s position (KeyE → "e", Shift +
 * Digit3 → "#", Shift + Slash → "?").
 */
export function latinKeyOf(press: { key: string; code: string; shiftKey: boolean }): string {
  const { key, code, shiftKey } = press;
  const symbol = US_LAYOUT[code]?.[shiftKey ? 1 : 0];
  // Right-to-left layouts type the mirror image at the bracket keys ("]" at "["): the glyph on the key, and
  // what the person means, is the US one.
  if (symbol !== undefined && MIRRORED[symbol] === key) return symbol;
  const named = key.length > 1 && !NO_CHARACTER.has(key);
  if (isLatin(key) || named) return key;
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shiftKey ? letter : letter.toLowerCase();
  return symbol ?? key;
}

/**
 * Whether a key press belongs to what the user is typing in (a text field, a select, an editable region):
 * shortcuts stay out of the way there. A focused checkbox or link is not typing.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** A key press that may be a shortcut: no modifier but Shift, not typed into a field, not in an open dialog. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing || event.defaultPrevented) return false;
  if (isTypingTarget(event.target)) return false;
  return !document.querySelector("dialog[open]");
}

/** The shortcut a key press asks for ("e", "#", "?", "ArrowDown"…), or null when it is no shortcut at all. */
export function shortcutKeyOf(event: KeyboardEvent): string | null {
  return isShortcutEvent(event) ? latinKeyOf(event) : null;
}
