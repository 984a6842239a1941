"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { shortcutKeyOf } from "./shortcut-key";

/**
 * Keyboard navigation through the message list, as in Gmail: j / ArrowDown and k / ArrowUp move between
 * rows, Enter opens one (rows are links), "/" jumps to the search box.
 */
export function KeyboardList({ children }: { children: ReactNode }) {
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = shortcutKeyOf(event);
      if (key === "/") {
        event.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="search"]')?.focus();
        return;
      }
      const step = key === "j" || key === "ArrowDown" ? 1 : key === "k" || key === "ArrowUp" ? -1 : 0;
      if (step === 0) return;
      const rows = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]") ?? []);
      if (rows.length === 0) return;
      event.preventDefault();
      // The row holding the focus, whether on its link or its checkbox.
      const active = document.activeElement;
      const current = rows.findIndex((link) => link === active || (active !== null && link.closest("li")?.contains(active)));
      const next = current === -1 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step));
      rows[next]?.focus();
    }
    window.addEventListener("keydown", onKeyDown);
    // Lets tests (and styles) know the shortcuts are live once the page has hydrated.
    const list = listRef.current;
    list?.setAttribute("data-keyboard", "ready");
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      list?.removeAttribute("data-keyboard");
    };
  }, []);
  return <div ref={listRef}>{children}</div>;
}
