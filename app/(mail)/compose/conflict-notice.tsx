"use client";
// Another tab (or Gmail itself) saved this draft since this composer last did. Nothing typed here is lost:
// the person overwrites the other version with theirs, or loads the other version instead.
import { useTranslations } from "next-intl";

type Props = { onKeepMine: () => void; onLoadTheirs: () => void };

export function ConflictNotice({ onKeepMine, onLoadTheirs }: Props) {
  const t = useTranslations("compose.conflict");
  return (
    <div className="compose-alert" role="alert" data-testid="compose-conflict">
      <p>{t("message")}</p>
      <div className="compose-alert-actions">
        <button type="button" className="button" onClick={onLoadTheirs}>
          {t("loadTheirs")}
        </button>
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          {t("keepMine")}
        </button>
      </div>
    </div>
  );
}
