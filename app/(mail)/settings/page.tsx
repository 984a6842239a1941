import type { Metadata } from "next";
import { ReauthBanner } from "../../_components/reauth-banner";
import { disconnectGmail } from "./actions";
import { SessionsSection } from "./sessions-section";
import { getAccountStatus } from "@/lib/account/get-account-status";
import { requireUserPage } from "@/lib/auth/session";
import { GMAIL_MODIFY_SCOPE, GMAIL_READONLY_SCOPE } from "@/lib/google-scopes";

export const metadata: Metadata = { title: "Settings" };

const SCOPE_LABELS: Record<string, string> = {
  openid: "Sign you in with Google",
  "https://www.googleapis.com/auth/userinfo.email": "See your email address",
  "https://www.googleapis.com/auth/userinfo.profile": "See your name and profile picture",
  [GMAIL_READONLY_SCOPE]: "Read your email messages and settings",
  [GMAIL_MODIFY_SCOPE]: "Read, organise and delete your email",
};

export default async function SettingsPage() {
  const user = await requireUserPage();
  const status = await getAccountStatus(user);
  return (
    <main className="page">
      {status.reauth && <ReauthBanner message={status.reauth.message} reason={status.reauth.reason} email={status.email} />}
      <h1>Settings</h1>
      <section aria-labelledby="google-heading" className="card">
        <h2 id="google-heading">Google account</h2>
        <p>
          Connected account: <strong>{status.email ?? "unknown"}</strong> —{" "}
          <span data-testid="connection-state">{status.connected ? "connected" : "not connected"}</span>
        </p>
        <h3>What Mailroom may do</h3>
        {status.scopes.length > 0 ? (
          <ul data-testid="granted-scopes">
            {status.scopes.map((scope) => (
              <li key={scope}>
                {SCOPE_LABELS[scope] ?? scope} <code>{scope}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing: Mailroom holds no Google permission for you.</p>
        )}
        {status.connected && (
          <form action={disconnectGmail}>
            <p>Disconnecting revokes Mailroom&apos;s access at Google. You stay signed in and can reconnect later.</p>
            <button type="submit" className="button">
              Disconnect Gmail
            </button>
          </form>
        )}
      </section>
      <SessionsSection userId={user.id} />
    </main>
  );
}
