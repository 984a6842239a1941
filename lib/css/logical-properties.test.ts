import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { physicalDeclarations } from "./physical-properties";

const root = path.join(import.meta.dirname, "../..");

function cssFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".css"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the app's style sheets mirror in right-to-left", () => {
  const files = cssFilesUnder(path.join(root, "app"));

  it("finds the style sheets", () => {
    expect(files.map((file) => path.relative(root, file))).toEqual(
      expect.arrayContaining(["app/globals.css", "app/(mail)/compose/compose.css"]),
    );
  });

  it.each(files.map((file) => [path.relative(root, file), file]))("%s uses logical properties only", (name, file) => {
    const found = physicalDeclarations(readFileSync(file, "utf8"), name).map(
      ({ line, property, value }) => `${name}:${line} ${property}: ${value}`,
    );
    expect(found).toEqual([]);
  });
});

describe("physicalDeclarations", () => {
  it.each([
    ["margin-left: 1rem", "margin-left"],
    ["padding-right: 0", "padding-right"],
    ["border-left: 1px solid red", "border-left"],
    ["border-right-width: 2px", "border-right-width"],
    ["border-top-left-radius: 4px", "border-top-left-radius"],
    ["border-bottom-right-radius: 4px", "border-bottom-right-radius"],
    ["left: 0", "left"],
    ["RIGHT: 1rem", "right"],
    ["scroll-margin-left: 1rem", "scroll-margin-left"],
    ["text-align: left", "text-align"],
    ["text-align: right", "text-align"],
    ["float: right", "float"],
    ["clear: left", "clear"],
    ["transform: translateX(4px)", "transform"],
    ["translate: -10px 0", "translate"],
    ["box-shadow: inset 3px 0 0 blue", "box-shadow"],
    ["padding: 0.3rem 0.9rem 0.3rem 0", "padding"],
    ["margin: 0 auto 0 1rem", "margin"],
    ["inset: 0 0 0 auto", "inset"],
    ["border-width: 0 1px 0 0", "border-width"],
    ["border-radius: 8px 0 0 8px", "border-radius"],
    ["border-radius: 4px 0", "border-radius"],
  ])("flags %s", (declaration, property) => {
    const found = physicalDeclarations(`.a { color: red; ${declaration}; }\n@media (width < 40rem) { .b { ${declaration} } }`);
    expect(found.map((item) => item.property)).toEqual([property, property]);
    expect(found[0]?.line).toBe(1);
  });

  it.each([
    "margin-inline-start: 1rem",
    "padding-inline: 0 1rem",
    "border-inline-end: 1px solid red",
    "border-start-start-radius: 4px",
    "inset-inline-start: 0",
    "inset-inline: 0.5rem",
    "text-align: start",
    "text-align: center",
    "float: inline-start",
    "transform: scaleX(-1)",
    "transform: translateY(4px)",
    "transform: translateX(calc(4px * var(--inline-start-sign)))",
    "box-shadow: inset calc(3px * var(--inline-start-sign)) 0 0 blue",
    "box-shadow: 0 4px 12px rgb(0 0 0 / 20%)",
    "--left-gap: 1rem",
    "padding: 0.3rem 0.9rem",
    "padding: 0.3rem 0.9rem 0",
    "margin: 0 1rem 0.5rem 1rem",
    "border-radius: 8px",
    "border-radius: 50% / 10%",
    "inset: 0",
    "content: 'left'",
  ])("accepts %s", (declaration) => {
    expect(physicalDeclarations(`.a { ${declaration}; }`)).toEqual([]);
  });

  it("accepts a horizontal offset written for one direction", () => {
    expect(physicalDeclarations(`:dir(rtl) .a { transform: translateX(4px); }`)).toEqual([]);
    expect(physicalDeclarations(`[dir="rtl"] .a { box-shadow: inset -3px 0 0 blue; }`)).toEqual([]);
  });

  it("still flags a physical property inside a rule written for one direction", () => {
    expect(physicalDeclarations(`:dir(rtl) .a { margin-left: 0; }`)).toHaveLength(1);
  });
});
