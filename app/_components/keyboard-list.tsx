"use client";

import { type ReactNode, useEffect, useRef } from "react";

const TEXT_INPUT_TYPES = new Set([
  "text",
  "search",
  "email",
  "url",
  "tel",
  "password",
  "number",
  "date",
  "time",
  "datetime-local",
  "month",
  "week",
]);

/**
 * Whether a key press belongs to what the user is typing in (a text field, a select, an editable region):
 * the list's shortcuts stay out of the way there. A focused checkbox or link is not typing.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** A key press the list may treat as a shortcut: no modifier but Shift, not typed into a field, not in a dialog. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing || event.defaultPrevented) return false;
  if (isTypingTarget(event.target)) return false;
  return !document.querySelector("dialog[open]");
}

/**
 * Keyboard navigation through the message list, as in Gmail: j / ArrowDown and k / ArrowUp move between
 * rows, Enter opens one (rows are links), "/" jumps to the search box.
 */
export function KeyboardList({ children }: { children: ReactNode }) {
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutEvent(event)) return;
      if (event.key === "/") {
        event.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="search"]')?.focus();
        return;
      }
      const step = event.key === "j" || event.key === "ArrowDown" ? 1 : event.key === "k" || event.key === "ArrowUp" ? -1 : 0;
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
