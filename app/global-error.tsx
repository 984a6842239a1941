"use client";

import { NextIntlClientProvider } from "next-intl";
import { useSyncExternalStore } from "react";
import en from "../messages/en/errors.json";
import he from "../messages/he/errors.json";
import "./globals.css";
import { type ErrorBoundaryProps, UnexpectedError } from "./_components/unexpected-error";
import { DEFAULT_LOCALE, LANGUAGE_COOKIE, type Locale, directionOf, interfaceLocaleOf, isLocale } from "@/lib/i18n/locales";

const ERRORS: Record<Locale, typeof en> = { en, he };

const subscribeToNothing = () => () => undefined;

/** The language this browser chose (its cookie), else the first of its own languages the interface speaks. */
function browserLanguage(): Locale {
  const chosen = document.cookie
    .split("; ")
    .find((part) => part.startsWith(`${LANGUAGE_COOKIE}=`))
    ?.slice(LANGUAGE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : interfaceLocaleOf(navigator.languages);
}

// The last boundary: an error in the root layout itself. It replaces the whole document, so it brings its own
// <html> and <body>, and its own strings: the root layout's language and provider are what failed. It cannot
// read the request, so the server's HTML is in the default language and the browser then says it in the one
// this browser chose (its cookie) or speaks.
export default function GlobalError(props: ErrorBoundaryProps) {
  const language = useSyncExternalStore(subscribeToNothing, browserLanguage, () => DEFAULT_LOCALE);
  return (
    <html lang={language} dir={directionOf(language)}>
      <body>
        <NextIntlClientProvider locale={language} messages={{ errors: ERRORS[language] }} timeZone="UTC">
          <main className="sign-in">
            <UnexpectedError {...props} className="sign-in-card state-error" />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
