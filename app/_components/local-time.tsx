"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

type Props = { iso: string | null; style?: "list" | "full" };

function format(date: Date, style: "list" | "full"): string {
  if (style === "full") return new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }).format(date);
  const now = new Date();
  const sameDay = date.toDateString() === now.toDateString();
  const sameYear = date.getFullYear() === now.getFullYear();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: "numeric", minute: "2-digit" }
    : sameYear
      ? { month: "short", day: "numeric" }
      : { year: "numeric", month: "short", day: "numeric" };
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

/** A date in the viewer's own locale and time zone, which only the browser knows. */
export function LocalTime({ iso, style = "list" }: Props) {
  // The server renders a neutral date; the browser, which knows the viewer's zone, renders the real one.
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  if (!iso) return <span className="muted">no date</span>;
  const text = inBrowser ? format(new Date(iso), style) : null;
  return (
    <time dateTime={iso} title={iso}>
      {text ?? iso.slice(0, 10)}
    </time>
  );
}
