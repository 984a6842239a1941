import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountSwitcher } from "../_components/account-switcher";
import { ShortcutSheet } from "../_components/shortcut-sheet";
import { SignOutButton } from "../_components/sign-out-button";
import { SkipLink } from "../_components/skip-link";
import { ComposeButton } from "./compose/compose-button";
import { ComposerProvider } from "./compose/composer-provider";
import { FailedSendsNotice } from "./failed-sends-notice";
import { LinkedAccountNotice } from "./linked-account-notice";
import { listLinkedAccounts } from "@/lib/accounts/linked-accounts";
import { requireUserPage } from "@/lib/auth/session";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function MailLayout({ children }: { children: ReactNode }) {
  const user = await requireUserPage();
  const t = await getTranslations("common.header");
  // The default (last used) account comes first from the list; the switcher shows them in a stable order.
  const linked = (await listLinkedAccounts(user.id)).flatMap((account) => (account.email ? [account.email] : []));
  return (
    <div className="app-shell">
      <SkipLink />
      <ComposerProvider accounts={linked.toSorted()} defaultAccount={linked[0] ?? null}>
        <header className="topbar">
          <Link href="/inbox" className="brand">
            Mailroom
          </Link>
          <nav className="writing-nav" aria-label={t("writing")}>
            <ComposeButton />
            <Link href="/drafts" className="button">
              {t("drafts")}
            </Link>
            <Link href="/scheduled" className="button">
              {t("scheduled")}
            </Link>
          </nav>
          <span className="spacer" />
          {/* One account: its address. Several: the switcher, which names the one shown. */}
          {linked.length > 1 && linked[0] ? (
            <AccountSwitcher accounts={linked.toSorted()} defaultAccount={linked[0]} />
          ) : (
            <bdi className="who">{linked[0] ?? user.email}</bdi>
          )}
          <Link href="/settings" className="button">
            {t("settings")}
          </Link>
          <SignOutButton />
        </header>
        <LinkedAccountNotice userId={user.id} />
        <FailedSendsNotice userId={user.id} />
        <div id="content" tabIndex={-1} className="content">
          {children}
        </div>
        <ShortcutSheet />
      </ComposerProvider>
    </div>
  );
}
