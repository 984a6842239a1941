"use client";

import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { SignInButton } from "./sign-in-button";
import { REAUTH_MESSAGES, type ReauthReason } from "@/lib/errors";

type Props = {
  reason: string;
  email: string | null;
  /** The server's (English) sentence, for a reason this page has no words for; a known reason is said by the catalogue. */
  message?: string;
};

const isReauthReason = (reason: string): reason is ReauthReason => Object.hasOwn(REAUTH_MESSAGES, reason);

/** Shown while Google no longer honours our grant for one account; Reconnect returns here. */
export function ReauthBanner({ reason, email, message }: Props) {
  const t = useTranslations();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const here = query ? `${pathname}?${query}` : pathname;
  return (
    <div className="banner" role="alert" data-testid="reauth-banner" data-reason={reason} data-account={email ?? undefined}>
      <p>
        {email && (
          <strong>
            <bdi>{email}</bdi>:{" "}
          </strong>
        )}
        {isReauthReason(reason) ? t(`errors.reauth.${reason}`) : message}
      </p>
      <SignInButton
        label={t("common.reconnectGmail")}
        callbackUrl={here}
        loginHint={email ?? undefined}
        intent={email ? { kind: "reconnect", email } : undefined}
      />
    </div>
  );
}
