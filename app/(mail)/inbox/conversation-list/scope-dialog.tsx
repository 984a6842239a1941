"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { describeIntent } from "./describe-action";
import type { ScopeRequest } from "./use-mail-actions";

/**
 * Asked once per account, the first time the user changes mail: Mailroom signed in read-only and needs
 * Google's gmail.modify permission. A modal <dialog>: focus stays inside, Escape is Cancel.
 */
export function ScopeDialog({
  request,
  onContinue,
  onCancel,
}: {
  request: ScopeRequest;
  onContinue: () => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations("list");
  const [leaving, setLeaving] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first button (Cancel); the action the person came for is the one to start on.
    primary.current?.focus();
    return () => dialog?.close();
  }, []);
  const intent = describeIntent(t, request.change.action, request.change.snapshots.length, request.labelName);
  return (
    <dialog
      ref={ref}
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid="scope-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{t("scope.title")}</h2>
      <div id={textId}>
        <p>{t.rich("scope.text", { intent, account: request.account, strong: (chunks) => <strong dir="auto">{chunks}</strong> })}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t("scope.cancel")}
        </button>
        <button
          type="button"
          className="button button-primary"
          aria-busy={leaving}
          disabled={leaving}
          onClick={() => {
            setLeaving(true);
            void onContinue();
          }}
          ref={primary}
        >
          {leaving ? t("scope.opening") : t("scope.continue")}
        </button>
      </div>
    </dialog>
  );
}
