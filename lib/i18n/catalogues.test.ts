// The Hebrew catalogue says everything the English one says, with the same arguments: a key missing in one
// language would show its raw name, and an argument missing would show "{count}" to the reader.
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

const english = leaves(messagesFor("en"));
const hebrew = leaves(messagesFor("he"));

describe("the catalogues", () => {
  it("have the same keys in English and Hebrew", () => {
    expect([...hebrew.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("use the same arguments and tags in both languages, and every message parses", () => {
    for (const [key, text] of english) {
      const other = hebrew.get(key);
      if (other === undefined) continue;
      expect([...argumentsOf(parse(other))].sort(), key).toEqual([...argumentsOf(parse(text))].sort());
    }
  });

  it("write Hebrew in Hebrew", () => {
    const untranslated = [...hebrew].filter(
      ([key, text]) => /[A-Za-z]{4,}/.test(text.replace(/\{[^}]*\}|<\/?\w+>|Mailroom|Gmail|Google/g, "")) && english.get(key) === text,
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
