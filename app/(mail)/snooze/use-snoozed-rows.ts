"use client";
// Rows snoozed or unsnoozed from this page leave it at once, as an archived row does, without waiting for the
// live stream to report Gmail's change. A hidden row is forgotten once it has left the list it came from, so
// when it wakes and the stream brings it back, it shows again.
import { useState } from "react";
import { type SnoozeNotice, useSayNotice } from "./snooze-notice";

export function useSnoozedRows<Row extends { id: string }>(base: Row[]) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<SnoozeNotice | null>(null);
  const say = useSayNotice();
  // Adjusted while rendering (React's pattern for state derived from props), not in an effect.
  const ids = new Set(base.map((row) => row.id));
  const kept = [...hidden].filter((id) => ids.has(id));
  if (kept.length !== hidden.size) setHidden(new Set(kept));
  return {
    rows: hidden.size === 0 ? base : base.filter((row) => !hidden.has(row.id)),
    /** What the last snooze or unsnooze did, for a status line, in the page's language. */
    notice: notice ? say(notice) : "",
    hide(threadIds: readonly string[], said: SnoozeNotice) {
      setHidden((now) => new Set([...now, ...threadIds]));
      setNotice(said);
    },
  };
}
