"use client";
// After Send: "Sending…" with Undo (key z) for as long as the server holds the message back; after Send
// later: when it will go. The regions stay in the page, empty, so screen readers announce what appears.
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { SentToast } from "./composer-provider";

function timeLeft(until: string): number {
  return Math.max(0, Math.ceil((Date.parse(until) - Date.now()) / 1000));
}

type Props = {
  toast: SentToast | null;
  notice: string | null;
  status: string | null;
  onDismissStatus: () => void;
  onUndo: () => void;
  onDismiss: () => void;
  onDismissNotice: () => void;
};

export function UndoSendToast({ toast, notice, status, onUndo, onDismiss, onDismissNotice, onDismissStatus }: Props) {
  const t = useTranslations("compose.toast");
  const format = useFormatter();
  useEffect(() => {
    if (!status) return;
    // A status needs no answer: it goes by itself after a few seconds.
    const timer = setTimeout(onDismissStatus, 5000);
    return () => clearTimeout(timer);
  }, [status, onDismissStatus]);
  const [, setTick] = useState(0);
  const undoUntil = toast?.scheduled.undoUntil;
  useEffect(() => {
    if (!undoUntil) return;
    // Counts the window down; the toast leaves once it has passed (the job runner sends then).
    const timer = setInterval(() => {
      setTick((tick) => tick + 1);
      if (timeLeft(undoUntil) === 0) {
        clearInterval(timer);
        onDismiss();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [undoUntil, onDismiss]);

  const left = toast ? timeLeft(toast.scheduled.undoUntil) : 0;
  return (
    <div className="compose-feedback">
      <div className="notice notice-error" role="alert" data-testid="compose-notice">
        {notice && (
          <>
            <p>{notice}</p>
            <button type="button" className="button" onClick={onDismissNotice}>
              {t("dismiss")}
            </button>
          </>
        )}
      </div>
      <p className="toast" role="status" data-testid="compose-status">
        {status}
      </p>
      <div className="toast" role="status" data-testid="send-toast">
        {toast && (
          <>
            <p>
              {toast.later
                ? t("scheduledFor", {
                    time: format.dateTime(new Date(toast.scheduled.sendAt), { dateStyle: "medium", timeStyle: "short" }),
                  })
                : t("sending", { seconds: left })}
            </p>
            {toast.later ? (
              <Link href="/scheduled" className="toast-link">
                {t("seeScheduled")}
              </Link>
            ) : (
              left > 0 && (
                <button type="button" className="button toast-action" data-testid="undo-send" onClick={onUndo} aria-keyshortcuts="z">
                  {t("undo")}
                </button>
              )
            )}
            <button type="button" className="button toast-close" onClick={onDismiss}>
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">{t("dismiss")}</span>
            </button>
          </>
        )}
      </div>
    </div>
  );
}
