// Snooze's presets, as Gmail offers them, computed in the browser's own time zone (a Date's local fields):
// Later today (18:00, while that is still ahead by an hour), Tomorrow (08:00), This weekend (Saturday 08:00,
// from Monday to Friday) and Next week (Monday 08:00). Pure, so each rule is tested on its own.
// Their names are the catalogue's (snooze.presets.<id>).
export type SnoozePreset = { id: "later-today" | "tomorrow" | "this-weekend" | "next-week"; at: Date };

const MORNING = 8;
const EVENING = 18;

function atHour(base: Date, daysAhead: number, hour: number): Date {
  const at = new Date(base);
  at.setDate(at.getDate() + daysAhead);
  at.setHours(hour, 0, 0, 0);
  return at;
}

export function snoozePresets(now: Date): SnoozePreset[] {
  const presets: SnoozePreset[] = [];
  const evening = atHour(now, 0, EVENING);
  if (evening.getTime() - now.getTime() >= 3600_000) presets.push({ id: "later-today", at: evening });
  presets.push({ id: "tomorrow", at: atHour(now, 1, MORNING) });
  const weekday = now.getDay(); // 0 Sunday … 6 Saturday
  if (weekday >= 1 && weekday <= 5) presets.push({ id: "this-weekend", at: atHour(now, 6 - weekday, MORNING) });
  const toMonday = weekday === 0 ? 1 : 8 - weekday;
  presets.push({ id: "next-week", at: atHour(now, toMonday, MORNING) });
  return presets;
}

/** A datetime-local input's value (local wall time, minutes) for a date. */
export function toDateTimeLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value read in the browser's zone, or null when it is not a time. */
export function fromDateTimeLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value); // no zone: local time, by the standard
  return Number.isFinite(date.getTime()) ? date : null;
}

/**
 * "Sat 8:00 AM" ("שבת, 8:00" in Hebrew) in the page's language (`locale`, the tag its `<html lang>` carries)
 * and the browser's zone; with the date when it is a week or more away.
 */
export function describeWakeTime(date: Date, now: Date, locale: string): string {
  const far = date.getTime() - now.getTime() >= 6 * 86_400_000;
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    ...(far ? { month: "short", day: "numeric" } : {}),
    hour: "numeric",
    minute: "2-digit",
  }).format(date);
}

export function isPast(date: Date): boolean {
  return date.getTime() <= Date.now();
}
