import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DraftsList } from "./drafts-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compose.drafts");
  return { title: t("title") };
}

export default async function DraftsPage() {
  const t = await getTranslations("compose.drafts");
  return (
    <main className="page">
      <h1>{t("title")}</h1>
      <DraftsList />
    </main>
  );
}
