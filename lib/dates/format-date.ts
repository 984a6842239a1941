// How Mailroom writes a date, the same on the server and in the browser: both format with the viewer's time
// zone and language (learned on the server from cookies, the person's setting and Accept-Language, and handed
// to the browser with the page), so the text React hydrates is the text the server sent.

/** Whose clock and language dates are written in. */
export type DateSettings = { timeZone: string; locale: string };

/** Before the browser has told the server its zone, dates are written in UTC and US English. */
export const DEFAULT_DATE_SETTINGS: DateSettings = { timeZone: "UTC", locale: "en-US" };

/** The cookie the browser stores its IANA time zone in, e.g. "Europe/Paris". */
export const TIME_ZONE_COOKIE = "mailroom_tz";

const ZONE_SHAPE = /^[A-Za-z0-9_+\-/]{1,64}$/;

/** True for a zone Intl knows (canonical names, and aliases such as "Asia/Calcutta" browsers still report). */
export function isKnownTimeZone(zone: string): boolean {
  if (!ZONE_SHAPE.test(zone)) return false;
  if (zone === "UTC" || Intl.supportedValuesOf("timeZone").includes(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function calendarDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** A list's date, as Gmail writes it: the time today, "Nov 20" earlier this year, "20/11/2025" before. */
export function listDate(date: Date, settings: DateSettings, now: Date = new Date()): string {
  const { timeZone, locale } = settings;
  const day = calendarDay(date, timeZone);
  const today = calendarDay(now, timeZone);
  const options: Intl.DateTimeFormatOptions =
    day === today
      ? { hour: "numeric", minute: "2-digit" }
      : day.slice(0, 4) === today.slice(0, 4)
        ? { month: "short", day: "numeric" }
        : { year: "numeric", month: "numeric", day: "numeric" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
}

/** The whole date and time, e.g. "Friday, November 20, 2026 at 3:04 PM", for tooltips and detail lines. */
export function fullDate(date: Date, settings: DateSettings): string {
  return new Intl.DateTimeFormat(settings.locale, { dateStyle: "full", timeStyle: "short", timeZone: settings.timeZone }).format(date);
}
