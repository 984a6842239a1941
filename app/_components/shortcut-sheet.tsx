"use client";

import { useEffect, useRef } from "react";
import { shortcutKeyOf } from "./shortcut-key";

/** The keys Mailroom answers to, as Gmail's own; grouped as a person looks for them. */
const SHORTCUTS: readonly { group: string; keys: readonly [string, string][] }[] = [
  {
    group: "Move around",
    keys: [
      ["j / ↓", "Next conversation"],
      ["k / ↑", "Previous conversation"],
      ["Enter", "Open the conversation"],
      ["/", "Search all mail"],
      ["?", "This list of shortcuts"],
    ],
  },
  {
    group: "Act on the selection, or the focused conversation",
    keys: [
      ["x", "Select or unselect"],
      ["e", "Archive"],
      ["#", "Move to the Trash"],
      ["!", "Report spam"],
      ["s", "Star or unstar"],
      ["Shift + I", "Mark read"],
      ["Shift + U", "Mark unread"],
      ["b", "Snooze"],
      ["z", "Undo"],
    ],
  },
  {
    group: "In a conversation",
    keys: [
      ["u", "Back to the list"],
      ["j / k", "Older / newer conversation"],
      ["[ / ]", "Archive, then newer / older"],
      ["l", "Label as…"],
      ["r / a / f", "Reply / Reply all / Forward"],
    ],
  },
  {
    group: "Write",
    keys: [
      ["c", "Compose"],
      ["Ctrl + Enter", "Send"],
      ["Esc", "Close; the draft is kept"],
    ],
  },
];

/**
 * The sheet `?` opens, as in Gmail: Shift + Slash by the key's position (where US keyboards have `?`), or the
 * `?` character wherever a layout puts it. Esc closes it, as any modal dialog.
 */
export function ShortcutSheet() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (shortcutKeyOf(event) !== "?") return;
      event.preventDefault();
      dialog.current?.showModal();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <dialog ref={dialog} className="dialog shortcut-sheet" data-testid="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {SHORTCUTS.map(({ group, keys }) => (
        <section key={group}>
          <h3>{group}</h3>
          <dl>
            {keys.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog" className="dialog-actions">
        <button type="submit" className="button button-primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
