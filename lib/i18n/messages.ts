// Every interface string, by language. English is the reference: the Hebrew catalogue has the same keys and
// the same ICU arguments (lib/i18n/catalogues.test.ts), and the types of `t("…")` come from it.
import en from "../../messages/en";
import he from "../../messages/he";
import type { Locale } from "./locales";

export type Messages = typeof en;

const CATALOGUES: Record<Locale, Messages> = { en, he };

export function messagesFor(language: Locale): Messages {
  return CATALOGUES[language];
}
