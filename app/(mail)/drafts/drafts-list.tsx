"use client";
// The account's Gmail drafts (those written in Gmail too); opening one reopens it in the composer.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type DraftRow, listDrafts } from "../compose/compose-api";
import { useComposer } from "../compose/composer-provider";
import { useFailureText } from "@/app/_components/use-failure-text";
import { LocalTime } from "../../_components/local-time";

type Loaded = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; drafts: DraftRow[] };

export function DraftsList() {
  const t = useTranslations("compose.drafts");
  const failureText = useFailureText();
  const { openDraft, isOpen, currentAccount } = useComposer();
  const account = currentAccount ?? undefined;
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [reload, setReload] = useState(0);

  // Read again when a composer closes: it may have created, changed or sent a draft.
  useEffect(() => {
    if (isOpen) return;
    let current = true;
    void listDrafts(account).then((result) => {
      if (!current) return;
      setLoaded(
        result.kind === "ok" ? { state: "ready", drafts: result.value.drafts } : { state: "error", message: failureText(result.problem) },
      );
    });
    return () => {
      current = false;
    };
  }, [account, isOpen, reload, failureText]);

  if (loaded.state === "loading") return <p aria-busy="true">{t("loading")}</p>;
  if (loaded.state === "error") {
    return (
      <div className="notice notice-error" role="alert">
        <p>{loaded.message}</p>
        <button type="button" className="button" onClick={() => setReload((count) => count + 1)}>
          {t("retry")}
        </button>
      </div>
    );
  }
  if (loaded.drafts.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <ul className="drafts-list" aria-label={t("title")}>
      {loaded.drafts.map((draft) => (
        <li key={draft.id} className="draft-row" data-testid="draft-row" data-draft-id={draft.id}>
          <button type="button" className="draft-open" onClick={() => void openDraft(draft.id, account)}>
            <span dir="auto">
              <strong>{draft.to.length > 0 ? draft.to.join(", ") : t("noRecipients")}</strong>
            </span>
            <span dir="auto">
              {draft.subject || t("noSubject")} <span className="muted">{draft.snippet}</span>
            </span>
          </button>
          <LocalTime iso={draft.updated} />
        </li>
      ))}
    </ul>
  );
}
