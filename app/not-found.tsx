import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors.notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1>{t("title")}</h1>
        <p>{t("text")}</p>
        <Link href="/inbox" className="button">
          {t("toInbox")}
        </Link>
      </div>
    </main>
  );
}
