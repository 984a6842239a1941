// next-intl's per-request configuration (found by the plugin in next.config.js): the viewer's language, its
// strings and the zone dates are written in. No locale in the URL: a person's language follows them, not links.
import { getRequestConfig } from "next-intl/server";
import { viewerDateSettings } from "@/lib/dates/viewer-date-settings";
import { messagesFor } from "@/lib/i18n/messages";
import { viewerLocale } from "@/lib/i18n/viewer-locale";

export default getRequestConfig(async () => {
  const [{ language, tag }, { timeZone }] = await Promise.all([viewerLocale(), viewerDateSettings()]);
  return { locale: tag, messages: messagesFor(language), timeZone };
});
