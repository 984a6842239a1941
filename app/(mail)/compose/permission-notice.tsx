"use client";
// Saving or sending met an account that may only read mail: why, and the way to Google's consent screen.
// The text stays in this browser whatever Google answers.
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";

type Props = { account: string; declined: boolean; onGrant: () => Promise<void>; onDismiss: () => void };

export function PermissionNotice({ account, declined, onGrant, onDismiss }: Props) {
  const t = useTranslations("compose.permission");
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="compose-alert" role="alert" data-testid="compose-scope">
      <p>{declined ? t.rich("declined", { strong }) : t.rich("needed", { strong, account })}</p>
      <div className="compose-alert-actions">
        <button type="button" className="button" onClick={onDismiss}>
          {t("notNow")}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="compose-grant"
          disabled={leaving}
          aria-busy={leaving}
          onClick={() => {
            setLeaving(true);
            void onGrant().finally(() => setLeaving(false));
          }}
        >
          {leaving ? t("opening") : t("continue")}
        </button>
      </div>
    </div>
  );
}
