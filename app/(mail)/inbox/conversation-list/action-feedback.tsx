"use client";

import { useTranslations } from "next-intl";
import { SignInButton } from "../../../_components/sign-in-button";
import type { AlertFix, Toast } from "./use-mail-actions";

type Props = {
  toast: Toast | null;
  alert: string | null;
  /** The action that fixes what the alert reports, offered next to it. */
  alertFix?: AlertFix | null;
  declined: boolean;
  onUndo: () => void;
  onDismissToast: () => void;
  onDismissAlert: () => void;
};

/**
 * What the list says after an action. The regions stay in the page, empty, so screen readers announce what
 * is put in them: the undo toast and the read-only notice as status, a failure as an alert.
 */
export function ActionFeedback({ toast, alert, alertFix, declined, onUndo, onDismissToast, onDismissAlert }: Props) {
  const t = useTranslations("list");
  return (
    <div className="feedback">
      <div className="notice notice-error" role="alert" data-testid="action-error">
        {alert && (
          <>
            <p>{alert}</p>
            {alertFix?.kind === "sign_in" && <SignInButton label={t("feedback.signIn")} callbackUrl={alertFix.callbackUrl} />}
            {alertFix?.kind === "retry" && (
              <button type="button" className="button button-primary" onClick={alertFix.retry}>
                {t("feedback.tryAgain")}
              </button>
            )}
            <button type="button" className="button" onClick={onDismissAlert}>
              {t("feedback.dismiss")}
            </button>
          </>
        )}
      </div>
      <div className="notice" role="status" data-testid="scope-declined">
        {declined && <p>{t("feedback.declined")}</p>}
      </div>
      <div className="toast" role="status" data-testid="undo">
        {toast && (
          <>
            <p>{toast.text}</p>
            {toast.undo && (
              <button type="button" className="button toast-action" onClick={onUndo} aria-keyshortcuts="z">
                {t("feedback.undo")}
              </button>
            )}
            <button type="button" className="button toast-close" onClick={onDismissToast}>
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">{t("feedback.dismiss")}</span>
            </button>
          </>
        )}
      </div>
    </div>
  );
}
