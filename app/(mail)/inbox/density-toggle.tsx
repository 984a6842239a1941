"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DENSITY_COOKIE, type Density } from "./density";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Compact rows on or off; the list's `data-density` follows at once, and the cookie keeps it for next time. */
export function DensityToggle({ initial }: { initial: Density }) {
  const t = useTranslations("list");
  const [density, setDensity] = useState(initial);
  const compact = density === "compact";
  return (
    <button
      type="button"
      className="button action-button density-toggle"
      data-testid="density"
      aria-pressed={compact}
      title={t("density.title")}
      onClick={() => {
        const next: Density = compact ? "comfortable" : "compact";
        setDensity(next);
        document.cookie = `${DENSITY_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
        document.querySelector("main.inbox")?.setAttribute("data-density", next);
      }}
    >
      <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M4 5h16M4 9.5h16M4 14h16M4 18.5h16" />
      </svg>
      <span className="action-text">{t("density.compact")}</span>
    </button>
  );
}
