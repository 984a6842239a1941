"use client";

import { useTranslations } from "next-intl";
import { useComposer } from "./composer-provider";

/** Opens a new message (key c anywhere in the mail pages). */
export function ComposeButton() {
  const { compose } = useComposer();
  const t = useTranslations("compose");
  return (
    <button type="button" className="button button-primary" data-testid="compose" aria-keyshortcuts="c" onClick={compose}>
      {t("composeButton")}
    </button>
  );
}
