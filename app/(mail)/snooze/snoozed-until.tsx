"use client";
// "Snoozed until Sat 8:00 AM" in a Snoozed view's row, in the viewer's language and zone, which only the
// browser knows: the server renders the date alone and the browser the time.
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { describeWakeTime } from "./snooze-presets";

const subscribeToNothing = () => () => undefined;

export function SnoozedUntil({ iso }: { iso: string }) {
  const t = useTranslations("snooze");
  const locale = useLocale();
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  return (
    <span data-testid="snoozed-until">
      {t.rich("snoozedUntil", {
        time: () => <time dateTime={iso}>{inBrowser ? describeWakeTime(new Date(iso), new Date(), locale) : iso.slice(0, 10)}</time>,
      })}
    </span>
  );
}
