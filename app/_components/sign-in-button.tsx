"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

type Props = {
  label: string;
  /** Where to land after consent; defaults to the inbox. */
  callbackUrl?: string;
  /** Pre-selects the Google account on the account chooser (re-consent of a known user). */
  loginHint?: string;
  className?: string;
};

/** Starts Google's consent flow. Tokens never pass through the browser: next-auth exchanges the code on the server. */
export function SignInButton({ label, callbackUrl = "/inbox", loginHint, className = "button button-primary" }: Props) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      aria-busy={pending}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("google", { callbackUrl }, loginHint ? { login_hint: loginHint } : undefined).catch(() => setPending(false));
      }}
    >
      {pending ? "Redirecting to Google…" : label}
    </button>
  );
}
