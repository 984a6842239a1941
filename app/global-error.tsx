"use client";

import "./globals.css";

// The last boundary: an error in the root layout itself. It replaces the whole document, so it brings its own
// <html> and <body>. Like error.tsx it never shows or branches on error.message (production hides it anyway);
// the digest lets an operator find the server's log line.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="sign-in">
          <section className="sign-in-card state-error" role="alert">
            <h1>Mailroom hit a problem</h1>
            <p>Something went wrong on our side while loading this page. Your mail is safe.</p>
            {error.digest && <p className="muted">Reference: {error.digest}</p>}
            <button type="button" className="button" onClick={reset}>
              Try again
            </button>
          </section>
        </main>
      </body>
    </html>
  );
}
