import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getSignedInUser } from "../auth/session";
import { getDb } from "../db";
import { LANGUAGE_COOKIE, type Locale, formattingLocaleOf, interfaceLocaleOf, isLocale, preferredLanguageTags } from "./locales";

export type ViewerLocale = {
  /** The interface language: which strings, and the page's direction. */
  language: Locale;
  /** The tag dates, numbers and plurals are written with ("en-GB", "he-IL"); also the page's `lang`. */
  tag: string;
};

/**
 * The viewer's language: the one this browser chose (its cookie), else the one the signed-in person chose
 * on another browser, else the browser's Accept-Language. Once per request.
 */
export const viewerLocale = cache(async (): Promise<ViewerLocale> => {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const tags = preferredLanguageTags(requestHeaders.get("accept-language"));
  const chosen = jar.get(LANGUAGE_COOKIE)?.value;
  const language = isLocale(chosen) ? chosen : ((await storedLanguage()) ?? interfaceLocaleOf(tags));
  return { language, tag: formattingLocaleOf(language, tags) };
});

async function storedLanguage(): Promise<Locale | null> {
  const user = await getSignedInUser().catch(() => null);
  if (!user) return null;
  const stored = await getDb().user.findUnique({ where: { id: user.id }, select: { language: true } });
  return isLocale(stored?.language) ? stored.language : null;
}
