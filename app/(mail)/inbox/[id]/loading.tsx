import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("conversation");
  return (
    <main className="page message" aria-busy="true" aria-label={t("loading")}>
      <div className="skeleton">
        <div className="skeleton-row" style={{ width: "60%", height: "2rem" }} />
        <div className="skeleton-row" style={{ width: "40%" }} />
        <div className="skeleton-row" style={{ height: "16rem" }} />
      </div>
    </main>
  );
}
