import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "../_components/sign-out-button";
import { requireUserPage } from "@/lib/auth/session";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function MailLayout({ children }: { children: ReactNode }) {
  const user = await requireUserPage();
  return (
    <div className="app-shell">
      <header className="topbar">
        <Link href="/inbox" className="brand">
          Mailroom
        </Link>
        <span className="spacer" />
        <span className="who">{user.email}</span>
        <Link href="/settings" className="button">
          Settings
        </Link>
        <SignOutButton />
      </header>
      {children}
    </div>
  );
}
