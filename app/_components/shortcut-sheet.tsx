"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { shortcutKeyOf } from "./shortcut-key";
import type { Messages } from "@/lib/i18n/messages";

type Description = keyof Messages["shortcuts"]["keys"];

/**
 * The keys Mailroom answers to, as Gmail's own; grouped as a person looks for them. A letter is the key's place
 * on the keyboard (as printed on a US keyboard), which is what the shortcut listens to whatever the layout
 * types there: `e` archives with the Hebrew layout too, where that key types "ק".
 */
const SHORTCUTS: readonly { group: keyof Messages["shortcuts"]["groups"]; keys: readonly [string, Description][] }[] = [
  {
    group: "move",
    keys: [
      ["j / ↓", "next"],
      ["k / ↑", "previous"],
      ["Enter", "open"],
      ["/", "search"],
      ["?", "sheet"],
    ],
  },
  {
    group: "act",
    keys: [
      ["x", "select"],
      ["e", "archive"],
      ["#", "trash"],
      ["!", "spam"],
      ["s", "star"],
      ["Shift + I", "read"],
      ["Shift + U", "unread"],
      ["b", "snooze"],
      ["z", "undo"],
    ],
  },
  {
    group: "conversation",
    keys: [
      ["u", "back"],
      ["j / k", "olderNewer"],
      ["[ / ]", "archiveMove"],
      ["l", "label"],
      ["r / a / f", "reply"],
    ],
  },
  {
    group: "write",
    keys: [
      ["c", "compose"],
      ["Ctrl + Enter", "send"],
      ["Esc", "closeComposer"],
    ],
  },
];

/**
 * The sheet `?` opens, as in Gmail: Shift + Slash by the key's position (where US keyboards have `?`), or the
 * `?` character wherever a layout puts it. Esc closes it, as any modal dialog.
 */
export function ShortcutSheet() {
  const t = useTranslations("shortcuts");
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
      <h2 id="shortcuts-title">{t("title")}</h2>
      <p className="muted">{t("physical")}</p>
      {SHORTCUTS.map(({ group, keys }) => (
        <section key={group}>
          <h3>{t(`groups.${group}`)}</h3>
          <dl>
            {keys.map(([key, what]) => (
              <div key={key}>
                <dt>
                  {/* A key's name is as printed on the key, in either language; kept left to right. */}
                  <kbd dir="ltr">{key}</kbd>
                </dt>
                <dd>{t(`keys.${what}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog" className="dialog-actions">
        <button type="submit" className="button button-primary" autoFocus>
          {t("close")}
        </button>
      </form>
    </dialog>
  );
}
