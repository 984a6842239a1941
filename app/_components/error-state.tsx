import type { ReactNode } from "react";

/** A readable explanation of what went wrong and what to do; never an error's raw text. */
export function ErrorState({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  return (
    <section className="state state-error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {children}
    </section>
  );
}
