"use client";
// Unsnooze (the Snoozed view): the conversations come back to the inbox now and their wake is cancelled.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postAction } from "../inbox/conversation-list/post-action";
import { useFailureText } from "@/app/_components/use-failure-text";

type Props = { account: string | null; threadIds: readonly string[]; onDone: (threadIds: string[]) => void };

export function UnsnoozeButton({ account, threadIds, onDone }: Props) {
  const t = useTranslations("snooze");
  const failureText = useFailureText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  return (
    <>
      <button
        type="button"
        className="button action-button"
        data-testid="action-unsnooze"
        title={t("unsnooze")}
        disabled={threadIds.length === 0 || busy}
        onClick={() => {
          const ids = [...threadIds];
          setBusy(true);
          void postAction({ ...(account ? { account } : {}), action: "unsnooze", threadIds: ids }).then((outcome) => {
            setBusy(false);
            if (outcome.kind !== "done") return setProblem(failureText(outcome.problem));
            setProblem("");
            const failed = new Set(outcome.result.failed.map((failure) => failure.id));
            onDone(ids.filter((id) => !failed.has(id)));
          });
        }}
      >
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM9 13l3-3 3 3M12 10v6" />
        </svg>
        <span className="action-text">{t("unsnooze")}</span>
      </button>
      {problem && <span role="alert">{problem}</span>}
    </>
  );
}
