/**
 * Date arguments of `after:`/`before:` and `newer_than:`/`older_than:`. Calendar dates mean midnight
 * US Pacific time (Gmail's documented behaviour); a bare number is epoch seconds and is exact.
 */
export function parseDateArgument(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (m) return pacificMidnight(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return pacificMidnight(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

const PACIFIC = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
});

/** The instant of 00:00 America/Los_Angeles on the given date (PST is UTC-8, PDT is UTC-7). */
export function pacificMidnight(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  for (const offsetHours of [8, 7]) {
    const candidate = Date.UTC(year, month - 1, day, offsetHours);
    const parts = Object.fromEntries(PACIFIC.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (Number(parts.hour) === 0 && Number(parts.day) === day && Number(parts.month) === month) return candidate;
  }
  return undefined;
}

/** `newer_than:2d` → the cut-off instant; units d, m (months), y, and h (works in practice). */
export function relativeCutoff(value: string, now: number): number | undefined {
  const m = /^(\d+)([hdmy])$/i.exec(value);
  if (!m) return undefined;
  const amount = Number(m[1]);
  const date = new Date(now);
  switch ((m[2] ?? "").toLowerCase()) {
    case "h":
      return now - amount * 3_600_000;
    case "d":
      return now - amount * 86_400_000;
    case "m":
      date.setUTCMonth(date.getUTCMonth() - amount);
      return date.getTime();
    default:
      date.setUTCFullYear(date.getUTCFullYear() - amount);
      return date.getTime();
  }
}

/** `larger:10M` → bytes; K, M and G are binary multiples. */
export function parseSize(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(value);
  if (!m) return undefined;
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? "").toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * unit);
}
