"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, createContext, useContext, useEffect } from "react";
import { DEFAULT_DATE_SETTINGS, type DateSettings, TIME_ZONE_COOKIE } from "@/lib/dates/format-date";

const DateSettingsContext = createContext<DateSettings>(DEFAULT_DATE_SETTINGS);

/** The zone and language the server wrote this page's dates in; the browser writes them the same way. */
export function useDateSettings(): DateSettings {
  return useContext(DateSettingsContext);
}

function storedZone(): string | undefined {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${TIME_ZONE_COOKIE}=`));
  return entry === undefined ? undefined : decodeURIComponent(entry.slice(TIME_ZONE_COOKIE.length + 1));
}

/**
 * Provides the server's date settings, and tells the server the browser's own zone when it does not know it
 * yet: the cookie is set and the page rendered again, once, so from then on the server writes local dates.
 */
export function DateSettingsProvider({ settings, children }: { settings: DateSettings; children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === settings.timeZone || storedZone() === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router, settings.timeZone]);
  return <DateSettingsContext.Provider value={settings}>{children}</DateSettingsContext.Provider>;
}
