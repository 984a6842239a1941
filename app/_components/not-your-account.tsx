import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ErrorState } from "./error-state";

/**
 * The page for an `account=` that is not one of the signed-in user's: the reason, and a way on. The default
 * way on is Settings; a page passing another passes its label in the viewer's language.
 */
export async function NotYourAccount({ message, href = "/settings", label }: { message?: string; href?: string; label?: string }) {
  const t = await getTranslations("errors");
  return (
    <main className="page">
      <ErrorState title={t("notYourAccount.title")} message={message ?? t("accountNotYours")}>
        <Link href={href} className="button">
          {label ?? t("notYourAccount.toSettings")}
        </Link>
      </ErrorState>
    </main>
  );
}
