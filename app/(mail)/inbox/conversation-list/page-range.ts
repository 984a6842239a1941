/** "1–25 of about 200", as Gmail puts it next to its pager; Gmail's total is an estimate. */
export function pageRangeText(first: number, count: number, estimate: number): string {
  if (count === 0) return "";
  const last = first + count - 1;
  return estimate > last ? `${first}–${last} of about ${estimate}` : `${first}–${last} of ${last}`;
}
