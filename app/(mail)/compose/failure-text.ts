"use client";
// A failed request, said in the person's language. The API writes its messages in English, so an English page
// shows them word for word (they name the address or the limit at fault); a page in another language says the
// same by the failure's code and HTTP status (compose-api.ts keeps both).
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { interfaceLocaleOf } from "@/lib/i18n/locales";
import type { Problem } from "./compose-api";

export type Explained = { message: string; problem?: Problem | undefined };

export function useFailureText(): (failure: Explained) => string {
  const t = useTranslations("compose.failures");
  const english = interfaceLocaleOf([useLocale()]) === "en";
  return useCallback(
    ({ message, problem }: Explained) => {
      if (english) return message;
      if (!problem) return t("generic");
      if (problem.code === "draft_not_saved") return t("draftNotSaved");
      if (problem.status === 0) return t("offline");
      if (problem.invalidRecipients?.length) return t("invalidRecipients", { addresses: problem.invalidRecipients.join(", ") });
      if (problem.status === 429) return t("tooManyRequests");
      if (problem.status === 401) return t("signedOut");
      if (problem.status === 413 || problem.code === "attachment_too_large") return t("tooLarge");
      if (problem.status === 403) return t("permission");
      if (problem.status === 404) return t("notFound");
      if (problem.status >= 500) return t("gmailDown");
      return t("refused", { status: problem.status });
    },
    [english, t],
  );
}
