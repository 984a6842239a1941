import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { latinKeyOf, shortcutKeyOf } from "./shortcut-key";

describe("latinKeyOf", () => {
  it.each([
    // Hebrew layout: the letter typed, the key's position, Shift
    ["ק", "KeyE", false, "e"],
    ["ח", "KeyJ", false, "j"],
    ["ל", "KeyK", false, "k"],
    ["ב", "KeyC", false, "c"],
    ["ר", "KeyR", false, "r"],
    ["ש", "KeyA", false, "a"],
    ["כ", "KeyF", false, "f"],
    ["נ", "KeyB", false, "b"],
    ["ד", "KeyS", false, "s"],
    ["ז", "KeyZ", false, "z"],
    ["ה", "KeyV", true, "V"],
    ["ן", "KeyI", true, "I"],
    ["Dead", "Digit3", true, "#"],
    ["]", "BracketLeft", false, "["],
    ["[", "BracketRight", false, "]"],
    ["Unidentified", "Slash", false, "/"],
    ["Unidentified", "Slash", true, "?"],
    ["Process", "KeyE", false, "e"],
  ])("%s at %s (Shift %s) is %s", (key, code, shiftKey, expected) => {
    expect(latinKeyOf({ key, code, shiftKey })).toBe(expected);
  });

  it.each([
    // A Latin layout keeps its own characters, wherever it puts them (AZERTY's a is at KeyQ).
    ["e", "KeyE", false, "e"],
    ["a", "KeyQ", false, "a"],
    ["#", "Digit3", true, "#"],
    ["#", "Backslash", false, "#"],
    ["?", "Slash", true, "?"],
    ["[", "BracketLeft", false, "["],
    ["I", "KeyI", true, "I"],
    ["ArrowDown", "ArrowDown", false, "ArrowDown"],
    ["Enter", "Enter", false, "Enter"],
    ["Escape", "Escape", false, "Escape"],
  ])("%s at %s (Shift %s) stays %s", (key, code, shiftKey, expected) => {
    expect(latinKeyOf({ key, code, shiftKey })).toBe(expected);
  });

  it("leaves a non-Latin character at a key no shortcut uses as it is", () => {
    expect(latinKeyOf({ key: "ä", code: "IntlBackslash", shiftKey: false })).toBe("ä");
  });
});

// The DOM parts shortcutKeyOf consults, as plain classes: the test runs in Node.
class FakeElement {
  isContentEditable = false;
  constructor(readonly tagName: string) {}
}
class FakeInput extends FakeElement {
  constructor(readonly type: string) {
    super("INPUT");
  }
}

function press(init: Partial<KeyboardEvent> & { key: string; code: string }): KeyboardEvent {
  return {
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    isComposing: false,
    defaultPrevented: false,
    target: null,
    ...init,
  } as KeyboardEvent;
}

describe("shortcutKeyOf", () => {
  let dialogOpen = false;
  beforeEach(() => {
    dialogOpen = false;
    vi.stubGlobal("HTMLElement", FakeElement);
    vi.stubGlobal("HTMLInputElement", FakeInput);
    vi.stubGlobal("document", { querySelector: (selector: string) => (selector === "dialog[open]" && dialogOpen ? {} : null) });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is the Latin shortcut of a Hebrew key press on the page", () => {
    expect(shortcutKeyOf(press({ key: "ק", code: "KeyE", target: new FakeElement("A") as unknown as EventTarget }))).toBe("e");
    expect(
      shortcutKeyOf(press({ key: "#", code: "Digit3", shiftKey: true, target: new FakeInput("checkbox") as unknown as EventTarget })),
    ).toBe("#");
  });

  it.each([
    ["a search box", new FakeInput("search")],
    ["a text field", new FakeInput("text")],
    ["a textarea", new FakeElement("TEXTAREA")],
    ["a select", new FakeElement("SELECT")],
    ["an editable region", Object.assign(new FakeElement("DIV"), { isContentEditable: true })],
  ])("is none while typing in %s", (_, target) => {
    expect(shortcutKeyOf(press({ key: "ק", code: "KeyE", target: target as unknown as EventTarget }))).toBeNull();
    expect(shortcutKeyOf(press({ key: "e", code: "KeyE", target: target as unknown as EventTarget }))).toBeNull();
  });

  it.each(["ctrlKey", "metaKey", "altKey", "isComposing", "defaultPrevented"] as const)("is none with %s", (flag) => {
    expect(shortcutKeyOf(press({ key: "ק", code: "KeyE", [flag]: true }))).toBeNull();
  });

  it("is none while a dialog is open", () => {
    dialogOpen = true;
    expect(shortcutKeyOf(press({ key: "ק", code: "KeyE" }))).toBeNull();
  });
});
