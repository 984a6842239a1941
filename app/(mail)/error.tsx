"use client";

// Unexpected failures only (expected ones are rendered by the pages). In production `error.message` is a
// generic text, so this never shows or branches on it; the digest lets an operator find the log line.
export default function MailError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page">
      <section className="state state-error" role="alert">
        <h2>Something went wrong</h2>
        <p>Mailroom hit an unexpected problem showing this page. Your mail is safe.</p>
        {error.digest && <p className="muted">Reference: {error.digest}</p>}
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </section>
    </main>
  );
}
