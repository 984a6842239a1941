import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ScheduledList } from "./scheduled-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compose.scheduled");
  return { title: t("title") };
}

export default async function ScheduledPage() {
  const t = await getTranslations("compose.scheduled");
  return (
    <main className="page">
      <h1>{t("title")}</h1>
      <ScheduledList />
    </main>
  );
}
