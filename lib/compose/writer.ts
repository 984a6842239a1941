import "server-only";
// Who is writing, for the words Mailroom adds to their mail (a reply's "On … wrote:" line): the interface
// language, and the tag and zone their dates are written in, as the pages they see use them.
import { viewerDateSettings } from "../dates/viewer-date-settings";
import { viewerLocale } from "../i18n/viewer-locale";
import type { QuoteWriter } from "./quote-header";

export async function currentWriter(): Promise<QuoteWriter> {
  const [{ language }, { locale, timeZone }] = await Promise.all([viewerLocale(), viewerDateSettings()]);
  return { language, locale, timeZone };
}
