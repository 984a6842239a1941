"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { SignInButton } from "./sign-in-button";

type Props = { message: string; reason: string; email: string | null };

/** Shown while Google no longer honours our grant for one account; Reconnect returns here. */
export function ReauthBanner({ message, reason, email }: Props) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const here = query ? `${pathname}?${query}` : pathname;
  return (
    <div className="banner" role="alert" data-testid="reauth-banner" data-reason={reason} data-account={email ?? undefined}>
      <p>
        {email && <strong>{email}: </strong>}
        {message}
      </p>
      <SignInButton
        label="Reconnect Gmail"
        callbackUrl={here}
        loginHint={email ?? undefined}
        intent={email ? { kind: "reconnect", email } : undefined}
      />
    </div>
  );
}
