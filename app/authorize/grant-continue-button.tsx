"use client";

import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { startModifyGrant } from "../_components/grant-modify";

const noSubscription = () => () => undefined;

/** "Continue to Google": asks Google for permission to change mail in `account`, then returns to `returnTo`. */
export function GrantContinueButton({ account, returnTo }: { account: string; returnTo: string }) {
  const t = useTranslations();
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  // Disabled until React runs here: a click before hydration would be lost silently.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        data-testid="grant-continue"
        aria-busy={state === "pending"}
        disabled={state === "pending" || !hydrated}
        onClick={() => {
          setState("pending");
          void startModifyGrant({ account, returnTo }).catch(() => setState("failed"));
        }}
      >
        {state === "pending" ? t("common.redirecting") : t("auth.authorize.continue")}
      </button>
      {state === "failed" && (
        <p className="sign-in-error" role="alert">
          {t("auth.authorize.failed")}
        </p>
      )}
    </>
  );
}
