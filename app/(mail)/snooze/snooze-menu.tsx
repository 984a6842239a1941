"use client";
// Snooze for the selected conversations: a button (`action-snooze`, or the `b` key through `open`) opening a
// menu of Gmail's presets with their times in the person's zone (`snooze-option`) and a chosen time
// (`snooze-until`, then Snooze). One POST /api/actions `snooze` for all of them. Self-contained, so the
// list's toolbar and an open conversation embed it alike: props are the account, the conversations and what
// to do once they are snoozed.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { postAction } from "../inbox/conversation-list/post-action";
import { useFailureText } from "@/app/_components/use-failure-text";
import { describeWakeTime, fromDateTimeLocal, isPast, snoozePresets, toDateTimeLocal } from "./snooze-presets";
import styles from "./snooze-menu.module.css";

type Props = {
  /** The account the conversations are in (null: the default account). */
  account: string | null;
  threadIds: readonly string[];
  /** Called with the conversations Gmail snoozed and their wake time. */
  onDone: (done: { threadIds: string[]; until: string }) => void;
  /**
   * Controlled opening (the `b` key): when it was opened (its presets count from then), or null when closed.
   * The button toggles it through onOpenedAtChange.
   */
  openedAt?: Date | null;
  onOpenedAtChange?: (openedAt: Date | null) => void;
};

const HOUR = 3600_000;

function authorizeHref(account: string | null): string {
  const params = new URLSearchParams();
  if (account) params.set("account", account);
  params.set("returnTo", `${window.location.pathname}${window.location.search}`);
  return `/authorize?${params}`;
}

export function SnoozeMenu({ account, threadIds, onDone, openedAt: controlled, onOpenedAtChange }: Props) {
  const t = useTranslations("snooze");
  const failureText = useFailureText();
  const locale = useLocale();
  const [uncontrolled, setUncontrolled] = useState<Date | null>(null);
  const openedAt = controlled === undefined ? uncontrolled : controlled;
  const open = openedAt !== null;
  const setOpenedAt = (next: Date | null) => {
    setUncontrolled(next);
    onOpenedAtChange?.(next);
  };
  const setOpen = (next: boolean) => setOpenedAt(next ? new Date() : null);
  // Times count from the moment it opened, so "Later today" is never in the past. What was typed or went wrong
  // belongs to one opening.
  const now = openedAt ?? new Date(0);
  const [typed, setTyped] = useState<{ at: Date; value: string } | null>(null);
  const custom = typed?.at === openedAt ? typed.value : toDateTimeLocal(new Date(now.getTime() + HOUR));
  const setCustom = (value: string) => openedAt && setTyped({ at: openedAt, value });
  const [failure, setFailure] = useState<{ at: Date | null; message: string; allow?: boolean } | null>(null);
  const problem = failure?.at === openedAt ? failure : null;
  const setProblem = (next: { message: string; allow?: boolean }) => setFailure({ at: openedAt, ...next });
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const disabled = threadIds.length === 0;

  // On opening: the first preset takes focus; a click elsewhere closes it.
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on opening
  }, [open]);

  async function snooze(until: Date) {
    if (disabled || busy) return;
    if (isPast(until)) {
      setProblem({ message: t("passed") });
      return;
    }
    setBusy(true);
    const ids = [...threadIds];
    const outcome = await postAction({
      ...(account ? { account } : {}),
      action: "snooze",
      threadIds: ids,
      until: until.toISOString(),
    });
    setBusy(false);
    if (outcome.kind === "done") {
      const failed = new Set(outcome.result.failed.map((failure) => failure.id));
      setOpen(false);
      button.current?.focus();
      onDone({ threadIds: ids.filter((id) => !failed.has(id)), until: until.toISOString() });
    } else setProblem({ message: failureText(outcome.problem), allow: outcome.kind === "scope_required" });
  }

  return (
    <div className={styles.wrap}>
      <button
        ref={button}
        type="button"
        className="button action-button"
        data-testid="action-snooze"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-keyshortcuts="b"
        title={t("buttonTitle")}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2.5 2.5M5 3 2 6m17-3 3 3" />
        </svg>
        <span className="action-text">{t("button")}</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className={styles.menu}
          role="menu"
          aria-label={t("menuLabel")}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
              const index = items.indexOf(document.activeElement as HTMLElement);
              const next = items[(index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length];
              if (next) {
                event.preventDefault();
                next.focus();
              }
            }
          }}
        >
          <p className={styles.heading}>{t("heading")}</p>
          {snoozePresets(now).map((preset) => (
            <button
              key={preset.id}
              type="button"
              role="menuitem"
              className={styles.option}
              data-testid="snooze-option"
              data-preset={preset.id}
              disabled={busy}
              onClick={() => void snooze(preset.at)}
            >
              <span>{t(`presets.${preset.id}`)}</span>
              <span className={styles.time}>{describeWakeTime(preset.at, now, locale)}</span>
            </button>
          ))}
          <form
            className={styles.custom}
            onSubmit={(event) => {
              event.preventDefault();
              const at = fromDateTimeLocal(custom);
              if (at) void snooze(at);
              else setProblem({ message: t("chooseTime") });
            }}
          >
            <label className={styles.label}>
              {t("pick")}
              <input
                type="datetime-local"
                data-testid="snooze-until"
                className={styles.input}
                value={custom}
                min={toDateTimeLocal(now)}
                onChange={(event) => setCustom(event.target.value)}
                required
              />
            </label>
            <button type="submit" className="button button-primary" data-testid="snooze-confirm" disabled={busy}>
              {t("confirm")}
            </button>
          </form>
          {problem && (
            <p className={styles.problem} role="alert">
              {problem.message}{" "}
              {problem.allow && (
                <a href={authorizeHref(account)} className={styles.allow}>
                  {t("allow")}
                </a>
              )}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
