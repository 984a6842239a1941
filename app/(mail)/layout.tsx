import Link from "next/link";
import type { ReactNode } from "react";
import { AccountSwitcher } from "../_components/account-switcher";
import { SignOutButton } from "../_components/sign-out-button";
import { listLinkedAccounts } from "@/lib/accounts/linked-accounts";
import { requireUserPage } from "@/lib/auth/session";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function MailLayout({ children }: { children: ReactNode }) {
  const user = await requireUserPage();
  const accounts = (await listLinkedAccounts(user.id)).flatMap((account) => (account.email ? [account.email] : []));
  return (
    <div className="app-shell">
      <header className="topbar">
        <Link href="/inbox" className="brand">
          Mailroom
        </Link>
        <span className="spacer" />
        <span className="who">{user.email}</span>
        {accounts.length > 0 && <AccountSwitcher accounts={accounts} />}
        <Link href="/settings" className="button">
          Settings
        </Link>
        <SignOutButton />
      </header>
      {children}
    </div>
  );
}
