"use client";
// The interface language: a choice applies at once (the page is written again in it); without JavaScript the
// Save button sends the same form.
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { chooseLanguage } from "./language-action";
import { LANGUAGE_NAMES, LOCALES, interfaceLocaleOf } from "@/lib/i18n/locales";

export function LanguagePicker() {
  const t = useTranslations("common");
  const current = interfaceLocaleOf([useLocale()]);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  return (
    <form ref={form} action={chooseLanguage} className="language-picker">
      <label htmlFor={id}>{t("language")}</label>
      <select id={id} name="language" data-testid="language" defaultValue={current} onChange={() => form.current?.requestSubmit()}>
        {LOCALES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button button-small">
          {t("save")}
        </button>
      </noscript>
    </form>
  );
}
