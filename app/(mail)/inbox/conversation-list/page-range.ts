import type { Translate } from "./translate";

/** "1–25 of about 200", as Gmail puts it next to its pager; Gmail's total is an estimate. */
export function pageRangeText(t: Translate<"pager.range" | "pager.rangeExact">, first: number, count: number, estimate: number): string {
  if (count === 0) return "";
  const last = first + count - 1;
  return estimate > last ? t("pager.range", { first, last, estimate }) : t("pager.rangeExact", { first, last });
}
