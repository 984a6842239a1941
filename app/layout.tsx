import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { DateSettingsProvider } from "./_components/date-settings";
import { viewerDateSettings } from "@/lib/dates/viewer-date-settings";
import { directionOf } from "@/lib/i18n/locales";
import { viewerLocale } from "@/lib/i18n/viewer-locale";

export const metadata: Metadata = {
  title: { default: "Mailroom", template: "%s · Mailroom" },
  description: "A fast, private web inbox for Gmail.",
};

// The browser's own chrome (address bar, task switcher) matches the page's surface in either scheme.
export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#161b22" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put this response's CSP nonce (proxy.ts) on its scripts; a
  // page prerendered at build time would carry no nonce and its scripts would be blocked.
  await connection();
  const [dateSettings, { language, tag }] = await Promise.all([viewerDateSettings(), viewerLocale()]);
  // The language and direction are in the first byte of the page: nothing is laid out the wrong way first.
  return (
    <html lang={tag} dir={directionOf(language)}>
      <body>
        <NextIntlClientProvider>
          <DateSettingsProvider settings={dateSettings}>{children}</DateSettingsProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
