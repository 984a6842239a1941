import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { DateSettingsProvider } from "./_components/date-settings";
import { viewerDateSettings } from "@/lib/dates/viewer-date-settings";

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
  const dateSettings = await viewerDateSettings();
  return (
    <html lang="en">
      <body>
        <DateSettingsProvider settings={dateSettings}>{children}</DateSettingsProvider>
      </body>
    </html>
  );
}
