import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NotYourAccount } from "../_components/not-your-account";
import { GrantContinueButton } from "./grant-continue-button";
import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireUserPage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { grantsGmailModify } from "@/lib/gmail/actions/modify-scope";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.authorize");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? "" : value);

// The `authorizeUrl` of a `scope_required` answer: `/authorize?account=EMAIL&returnTo=/path`. Explains why
// Mailroom asks for more than reading before the person meets Google's consent screen, and offers a way back.
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUserPage();
  const t = await getTranslations("auth.authorize");
  const params = await searchParams;
  const returnTo = safeReturnPath(single(params.returnTo)) ?? "/inbox";
  let account;
  try {
    account = await resolveAccount({ userId: user.id, account: single(params.account) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <NotYourAccount />;
  }
  const email = () => (account.email ? <bdi>{account.email}</bdi> : t("thisAccount"));

  if (grantsGmailModify(account.scope)) {
    return (
      <main className="sign-in">
        <div className="sign-in-card" data-testid="grant-done">
          <h1>{t("doneHeading")}</h1>
          <p>{t.rich("doneText", { email })}</p>
          <Link href={returnTo} className="button button-primary" data-testid="grant-back">
            {t("goBack")}
          </Link>
        </div>
      </main>
    );
  }

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>{t("title")}</h1>
        <p>{t.rich("account", { account: email })}</p>
        <p>{t("why")}</p>
        <ul style={{ textAlign: "start", margin: "0 0 1.5rem", paddingInlineStart: "1.2rem" }}>
          <li>{t("onePermission")}</li>
          <li>{t("neverDeletes")}</li>
          <li>{t("decline")}</li>
          <li>{t("takeBack")}</li>
        </ul>
        {account.email ? (
          <GrantContinueButton account={account.email} returnTo={returnTo} />
        ) : (
          <p className="sign-in-error" role="alert">
            {t("noAddress")}
          </p>
        )}
        <p style={{ margin: "1rem 0 0" }}>
          <Link href={returnTo} data-testid="grant-cancel">
            {t("notNow")}
          </Link>
        </p>
      </div>
    </main>
  );
}
