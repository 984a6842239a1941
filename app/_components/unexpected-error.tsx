"use client";

export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * What an error boundary shows for an unexpected failure (expected ones are rendered by the pages). In
 * production `error.message` is a generic text, so this never shows or branches on it; the digest lets an
 * operator find the server's log line.
 */
export function UnexpectedError({ error, reset, className }: ErrorBoundaryProps & { className: string }) {
  return (
    <section className={className} role="alert">
      <h2>Something went wrong</h2>
      <p>Mailroom hit an unexpected problem showing this page. Your mail is safe.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
