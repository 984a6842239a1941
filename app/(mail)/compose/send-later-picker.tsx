"use client";
// Send later: a date and time in the person's own time zone (the browser's), never in the past.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** `YYYY-MM-DDTHH:mm` in local time, as <input type="datetime-local"> reads and writes it. */
export function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The chosen moment as an ISO instant, or why it cannot be used. */
export function sendLaterTime(value: string, now: Date): { at: string } | { error: "noTime" | "past" } {
  // A date-time without an offset is read as local time, the zone the person chose it in.
  const chosen = new Date(value);
  if (!value || Number.isNaN(chosen.getTime())) return { error: "noTime" };
  if (chosen.getTime() <= now.getTime()) return { error: "past" };
  return { at: chosen.toISOString() };
}

type Props = { busy: boolean; onSchedule: (at: string) => void; onCancel: () => void };

export function SendLaterPicker({ busy, onSchedule, onCancel }: Props) {
  const t = useTranslations("compose.sendLater");
  const id = useId();
  const [value, setValue] = useState(() => localInputValue(new Date(Date.now() + 3600_000)));
  const [error, setError] = useState<"noTime" | "past" | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="send-later" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="send-later-title">
        {t("title")}
      </p>
      <label htmlFor={id}>
        {t("dateTime")} <span className="muted">({zone})</span>
      </label>
      <input
        id={id}
        type="datetime-local"
        data-testid="send-later-at"
        value={value}
        min={localInputValue(new Date())}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="compose-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="send-later-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t("cancel")}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="send-later-confirm"
          disabled={busy}
          onClick={() => {
            const chosen = sendLaterTime(value, new Date());
            if ("error" in chosen) setError(chosen.error);
            else onSchedule(chosen.at);
          }}
        >
          {t("schedule")}
        </button>
      </div>
    </div>
  );
}
