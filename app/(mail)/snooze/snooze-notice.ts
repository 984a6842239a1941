"use client";
// What a person is told after a snooze or an unsnooze, in the list's status line. What happened is kept as
// data and said while rendering, so the sentence is in the page's language (and follows a change of it).
import { useLocale, useTranslations } from "next-intl";
import { describeWakeTime } from "./snooze-presets";

export type SnoozeNotice = { kind: "snoozed"; count: number; until: string } | { kind: "unsnoozed"; count: number };

export function snoozedNotice(count: number, until: string): SnoozeNotice {
  return { kind: "snoozed", count, until };
}

export function unsnoozedNotice(count: number): SnoozeNotice {
  return { kind: "unsnoozed", count };
}

/** Says a notice: "Conversation snoozed until Sat 8:00 AM.", "2 conversations back in the inbox.". */
export function useSayNotice(): (notice: SnoozeNotice) => string {
  const t = useTranslations("snooze");
  const locale = useLocale();
  return (notice) =>
    notice.kind === "snoozed"
      ? t("snoozedNotice", { count: notice.count, when: describeWakeTime(new Date(notice.until), new Date(), locale) })
      : t("unsnoozedNotice", { count: notice.count });
}
