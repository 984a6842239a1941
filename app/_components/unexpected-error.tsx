"use client";

import { useTranslations } from "next-intl";

export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * What an error boundary shows for an unexpected failure (expected ones are rendered by the pages). In
 * production `error.message` is a generic text, so this never shows or branches on it; the digest lets an
 * operator find the server's log line.
 */
export function UnexpectedError({ error, reset, className }: ErrorBoundaryProps & { className: string }) {
  const t = useTranslations("errors.unexpected");
  return (
    <section className={className} role="alert">
      <h2>{t("heading")}</h2>
      <p>{t("text")}</p>
      {error.digest && <p className="muted">{t("reference", { digest: error.digest })}</p>}
      <button type="button" className="button" onClick={reset}>
        {t("tryAgain")}
      </button>
    </section>
  );
}
