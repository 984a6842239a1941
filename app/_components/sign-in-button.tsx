"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { type SignInIntentInput, prepareSignInIntent } from "./sign-in-intent-action";

type Props = {
  label: string;
  /** Where to land after consent; defaults to the inbox. */
  callbackUrl?: string;
  /** Pre-selects the Google account on the account chooser (re-consent of a known user). */
  loginHint?: string;
  /** For a signed-in user: what this trip to Google is for. Without one, Google's answer may only sign in. */
  intent?: SignInIntentInput;
  className?: string;
  testId?: string;
};

/** Starts Google's consent flow. Tokens never pass through the browser: next-auth exchanges the code on the server. */
const noSubscription = () => () => undefined;

export function SignInButton({ label, callbackUrl = "/inbox", loginHint, intent, className = "button button-primary", testId }: Props) {
  const [pending, setPending] = useState(false);
  const t = useTranslations("common");
  // False in the server's HTML, true once React runs here: a click before hydration would be lost silently,
  // so the button stays disabled until it can act.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const params: Record<string, string> = {};
  if (loginHint) params.login_hint = loginHint;
  // Adding an account: let the person pick one, whichever account their browser is signed in to at Google.
  if (intent?.kind === "add") params.prompt = "select_account consent";
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      aria-busy={pending}
      disabled={pending || !hydrated}
      onClick={() => {
        setPending(true);
        void (intent ? prepareSignInIntent(intent) : Promise.resolve())
          .then(() => signIn("google", { callbackUrl }, Object.keys(params).length > 0 ? params : undefined))
          .catch(() => setPending(false));
      }}
    >
      {pending ? t("redirecting") : label}
    </button>
  );
}
