"use client";
// failureText (failure-text.ts) with the page's language and catalogue.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { type FailureContext, failureText } from "./failure-text";
import type { RequestProblem } from "./request-failure";
import { interfaceLocaleOf } from "@/lib/i18n/locales";

export function useFailureText(context: FailureContext = "action"): (problem: RequestProblem) => string {
  const t = useTranslations();
  const english = interfaceLocaleOf([useLocale()]) === "en";
  return useCallback((problem: RequestProblem) => failureText(t, english, problem, context), [t, english, context]);
}
