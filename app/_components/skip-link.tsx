"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

/**
 * The first tab stop of every mail page: past the header, the search and the tabs, straight to what the page
 * is for. The inbox's target is its list; other pages' is their content.
 */
export function SkipLink() {
  const inbox = usePathname() === "/inbox";
  const t = useTranslations("common.skipLink");
  return (
    <a href={inbox ? "#conversations" : "#content"} className="skip-link" data-testid="skip-link">
      {inbox ? t("conversations") : t("content")}
    </a>
  );
}
