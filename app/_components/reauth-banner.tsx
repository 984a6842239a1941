"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { SignInButton } from "./sign-in-button";

type Props = { message: string; reason: string; email: string | null };

/** Shown on every signed-in page while Google no longer honours our grant; Reconnect returns here. */
export function ReauthBanner({ message, reason, email }: Props) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const here = query ? `${pathname}?${query}` : pathname;
  return (
    <div className="banner" role="alert" data-testid="reauth-banner" data-reason={reason}>
      <p>{message}</p>
      <SignInButton label="Reconnect Gmail" callbackUrl={here} loginHint={email ?? undefined} />
    </div>
  );
}
