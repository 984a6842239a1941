import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_DATE_SETTINGS, type DateSettings, TIME_ZONE_COOKIE, isKnownTimeZone } from "./format-date";
import { viewerLocale } from "../i18n/viewer-locale";

/** The viewer's zone (the cookie their browser set on the first visit) and language (lib/i18n/viewer-locale.ts). */
export async function viewerDateSettings(): Promise<DateSettings> {
  const [jar, { tag }] = await Promise.all([cookies(), viewerLocale()]);
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  return { timeZone: zone && isKnownTimeZone(zone) ? zone : DEFAULT_DATE_SETTINGS.timeZone, locale: tag };
}
