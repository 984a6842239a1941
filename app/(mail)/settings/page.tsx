import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "../../_components/language-picker";
import { SignInButton } from "../../_components/sign-in-button";
import { AccountCard } from "./account-card";
import { AccountNoticeBanner } from "./account-notice-banner";
import { SessionsSection } from "./sessions-section";
import { TrustedSendersSection } from "./trusted-senders-section";
import { getAccountsStatus } from "@/lib/account/get-account-status";
import { decodeAccountNotice } from "@/lib/accounts/account-notice";
import { sessionAccountEmail } from "@/lib/accounts/sessions";
import { currentSessionToken } from "@/lib/auth/session-binding";
import { requireUserPage } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUserPage();
  const t = await getTranslations("settings");
  const accounts = await getAccountsStatus(user.id);
  const signedInWith = await sessionAccountEmail(await currentSessionToken());
  // Why an add or a reconnect was refused; signed by the sign-in callback for this user only.
  const notice = decodeAccountNotice(getConfig().auth.secret, (await searchParams).notice, user.id);
  return (
    <main className="page">
      {notice && <AccountNoticeBanner notice={notice} />}
      <h1>{t("title")}</h1>
      <h2>{t("googleAccounts")}</h2>
      {accounts.map((status, index) => (
        <AccountCard
          key={status.email ?? index}
          status={status}
          index={index}
          onlyAccount={accounts.length === 1}
          signedInWithIt={status.email !== null && status.email === signedInWith}
        />
      ))}
      <SignInButton label={t("addAccount")} callbackUrl="/settings" intent={{ kind: "add" }} className="button" testId="add-account" />
      <h2>{t("languageHeading")}</h2>
      <LanguagePicker />
      <TrustedSendersSection userId={user.id} />
      <SessionsSection userId={user.id} />
    </main>
  );
}
