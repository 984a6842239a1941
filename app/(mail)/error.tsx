"use client";

import { type ErrorBoundaryProps, UnexpectedError } from "../_components/unexpected-error";

export default function MailError(props: ErrorBoundaryProps) {
  return (
    <main className="page">
      <UnexpectedError {...props} className="state state-error" />
    </main>
  );
}
