import "server-only";
import { cookies, headers } from "next/headers";
import { DEFAULT_DATE_SETTINGS, type DateSettings, TIME_ZONE_COOKIE, isKnownTimeZone, localeFromAcceptLanguage } from "./format-date";

/** The viewer's zone (the cookie their browser set on the first visit) and language (Accept-Language). */
export async function viewerDateSettings(): Promise<DateSettings> {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  return {
    timeZone: zone && isKnownTimeZone(zone) ? zone : DEFAULT_DATE_SETTINGS.timeZone,
    locale: localeFromAcceptLanguage(requestHeaders.get("accept-language")),
  };
}
