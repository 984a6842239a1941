"use client";

import "./globals.css";
import { type ErrorBoundaryProps, UnexpectedError } from "./_components/unexpected-error";

// The last boundary: an error in the root layout itself. It replaces the whole document, so it brings its own
// <html> and <body>.
export default function GlobalError(props: ErrorBoundaryProps) {
  return (
    <html lang="en">
      <body>
        <main className="sign-in">
          <UnexpectedError {...props} className="sign-in-card state-error" />
        </main>
      </body>
    </html>
  );
}
