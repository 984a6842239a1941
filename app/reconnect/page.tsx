import type { Metadata } from "next";
import { SignInButton } from "../_components/sign-in-button";
import { requireUserPage } from "@/lib/auth/session";
import { getAccountStatus } from "@/lib/account/get-account-status";
import { safeCallbackPath } from "@/lib/auth/callback-path";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Reconnect Gmail" };

// The `reauthorizeUrl` of API errors: one click back to Google's consent screen for the same account.
export default async function ReconnectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage();
  const status = await getAccountStatus(user);
  const { callbackUrl } = await searchParams;
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>Reconnect Gmail</h1>
        <p>{status.reauth?.message ?? "Mailroom's access to your Gmail is working. You can renew it anyway."}</p>
        <SignInButton label="Reconnect Gmail" callbackUrl={safeCallbackPath(callbackUrl)} loginHint={status.email ?? undefined} />
      </div>
    </main>
  );
}
