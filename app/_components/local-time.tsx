"use client";

import { useTranslations } from "next-intl";
import { fullDate, listDate } from "@/lib/dates/format-date";
import { useDateSettings } from "./date-settings";

type Props = { iso: string | null; style?: "list" | "full" };

/**
 * A date in the viewer's zone and language. The server knows both (lib/dates/viewer-date-settings.ts), so
 * the text it renders is the text the browser hydrates: no flicker, and right without JavaScript.
 */
export function LocalTime({ iso, style = "list" }: Props) {
  const settings = useDateSettings();
  const t = useTranslations("common");
  if (!iso) return <span className="muted">{t("noDate")}</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span className="muted">{t("noDate")}</span>;
  const full = fullDate(date, settings);
  return (
    <time dateTime={iso} title={full}>
      {style === "full" ? full : listDate(date, settings)}
    </time>
  );
}
