import postcss from "postcss";

/** One declaration that fixes a side by "left" or "right", so it does not mirror in a right-to-left interface. */
export interface PhysicalDeclaration {
  line: number;
  property: string;
  value: string;
  reason: string;
}

// margin-left, padding-right, border-left(-width…), scroll-margin-left, border-top-left-radius, left, right…
const PHYSICAL_PROPERTY = /(^|-)(left|right)(-|$)/;
// Properties whose value names a side: text-align: left, float: right, clear: left, caption-side…
const SIDE_VALUED = new Set(["text-align", "text-align-last", "float", "clear", "justify-self", "justify-items", "justify-content"]);
const SIDE_VALUE = /\b(left|right)\b/;
// Values that move things horizontally and have no logical form; they must go through --inline-start-sign
// (or sit in a rule written for one direction) so they mirror.
const HORIZONTAL_OFFSET = /\btranslateX\(\s*-?[1-9.]|\btranslate\(\s*-?[1-9.]|\btranslate3d\(\s*-?[1-9.]/i;
const NON_ZERO_FIRST = /^\s*-?(\d*\.)?[1-9]/;
const BOX_SHADOW_OFFSET = /(^|,)\s*(inset\s+)?-?(\d*\.)?[1-9]\d*(px|rem|em)?\s/;
const DIRECTION_SPECIFIC_RULE = /:dir\(|\[dir[=~|^$*\]]/;

function directionSpecific(node: postcss.Declaration): boolean {
  let parent: postcss.Node | undefined = node.parent;
  while (parent) {
    if (parent instanceof postcss.Rule && DIRECTION_SPECIFIC_RULE.test(parent.selector)) return true;
    parent = parent.parent;
  }
  return false;
}

// Four-value shorthands run top, right, bottom, left: a right that differs from the left does not mirror.
const BOX_SHORTHANDS = new Set([
  "margin",
  "padding",
  "inset",
  "scroll-margin",
  "scroll-padding",
  "border-width",
  "border-style",
  "border-color",
]);

function valuesOf(value: string): string[] {
  return postcss.list.space(value);
}

function lopsidedShorthand(property: string, value: string): boolean {
  if (BOX_SHORTHANDS.has(property)) {
    const values = valuesOf(value);
    return values.length === 4 && values[1] !== values[3];
  }
  // Corners run top-left, top-right, bottom-right, bottom-left: only one radius for all mirrors.
  if (property === "border-radius") return value.split("/").some((part) => new Set(valuesOf(part)).size > 1);
  return false;
}

function reasonFor(property: string, value: string, node: postcss.Declaration): string | null {
  if (property.startsWith("--")) return null;
  if (PHYSICAL_PROPERTY.test(property)) return `physical property "${property}": use its inline-start/end form`;
  if (lopsidedShorthand(property, value))
    return `"${property}: ${value}" sets the left and the right differently: use the -inline / -block forms`;
  if (SIDE_VALUED.has(property) && SIDE_VALUE.test(value)) return `"${property}: ${value}" names a side: use start/end`;
  if (directionSpecific(node) || value.includes("var(--inline-start-sign)")) return null;
  const movesAlongX =
    (property === "transform" && HORIZONTAL_OFFSET.test(value)) || (property === "translate" && NON_ZERO_FIRST.test(value));
  if (movesAlongX) return `"${property}: ${value}" moves along x: multiply it by var(--inline-start-sign)`;
  if (property === "box-shadow" && BOX_SHADOW_OFFSET.test(value))
    return `"box-shadow: ${value}" has a horizontal offset: multiply it by var(--inline-start-sign)`;
  return null;
}

/** Every declaration of a style sheet that would not mirror in right-to-left; empty when the sheet is logical. */
export function physicalDeclarations(css: string, from = "sheet.css"): PhysicalDeclaration[] {
  const found: PhysicalDeclaration[] = [];
  postcss.parse(css, { from }).walkDecls((declaration) => {
    const property = declaration.prop.toLowerCase();
    const reason = reasonFor(property, declaration.value.toLowerCase(), declaration);
    if (reason) found.push({ line: declaration.source?.start?.line ?? 0, property, value: declaration.value, reason });
  });
  return found;
}
