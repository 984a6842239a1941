import Link from "next/link";
import { useTranslations } from "next-intl";

export default function MessageNotFound() {
  const t = useTranslations("conversation.notFound");
  return (
    <main className="page">
      <section className="state" role="alert">
        <h2>{t("heading")}</h2>
        <p>{t("text")}</p>
        <Link href="/inbox" className="button">
          {t("toInbox")}
        </Link>
      </section>
    </main>
  );
}
