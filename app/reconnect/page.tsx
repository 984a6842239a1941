import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotYourAccount } from "../_components/not-your-account";
import { SignInButton } from "../_components/sign-in-button";
import { accountStatus } from "@/lib/account/get-account-status";
import { resolveAccount } from "@/lib/accounts/linked-accounts";
import { requireUserPage } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { AppError } from "@/lib/errors";

// Reads the session cookie: never prerendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reconnect");
  return { title: t("title") };
}

// The `reauthorizeUrl` of API errors: one click back to Google's consent screen for the same account
// (`account=EMAIL`, else the default one).
export default async function ReconnectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage();
  const t = await getTranslations();
  const { callbackUrl, account } = await searchParams;
  let status;
  try {
    status = accountStatus(
      await resolveAccount({ userId: user.id, account: account === undefined ? undefined : typeof account === "string" ? account : "" }),
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <NotYourAccount />;
  }
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>{t("auth.reconnect.title")}</h1>
        {status.email && <p>{t.rich("auth.reconnect.account", { account: () => <bdi>{status.email}</bdi> })}</p>}
        <p>{status.reauth ? t(`errors.reauth.${status.reauth.reason}`) : t("auth.reconnect.working")}</p>
        <SignInButton
          label={t("common.reconnectGmail")}
          callbackUrl={safeCallbackPath(callbackUrl)}
          loginHint={status.email ?? undefined}
          intent={status.email ? { kind: "reconnect", email: status.email } : undefined}
        />
      </div>
    </main>
  );
}
