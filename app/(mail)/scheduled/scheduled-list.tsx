"use client";
// Sends waiting for their time (Cancel, or Edit: cancel and reopen the draft), and sends that failed for
// good with the reason (the draft is still in Gmail, to edit and send again).
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { cancelScheduled, requestJson } from "../compose/compose-api";
import { useComposer } from "../compose/composer-provider";
import { sendFailureText } from "./send-failure-text";
import { useFailureText } from "@/app/_components/use-failure-text";
import type { SendFailure } from "@/lib/send/send-failure";
import { LocalTime } from "../../_components/local-time";

type ScheduledItem = {
  id: string;
  draftId: string;
  sendAt: string;
  state: string;
  reason?: string | null;
  reasonCode?: SendFailure | null;
  to?: string[];
  subject?: string;
  account?: string | null;
};

type Loaded = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; items: ScheduledItem[] };

export function ScheduledList() {
  // Every account's sends unless the page names one.
  const t = useTranslations("compose.scheduled");
  const compose = useTranslations("compose");
  const failureText = useFailureText();
  const account = useSearchParams().get("account") ?? "all";
  const { openDraft, isOpen } = useComposer();
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [reload, setReload] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (isOpen) return;
    let current = true;
    void requestJson<{ scheduled: ScheduledItem[] }>(`/api/scheduled${account ? `?${new URLSearchParams({ account })}` : ""}`).then(
      (result) => {
        if (!current) return;
        setLoaded(
          result.kind === "ok"
            ? { state: "ready", items: result.value.scheduled }
            : { state: "error", message: failureText(result.problem) },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [account, isOpen, reload, failureText]);

  async function cancel(item: ScheduledItem, thenEdit: boolean) {
    setProblem(null);
    const result = await cancelScheduled(item.id);
    if (result.kind !== "ok") {
      setProblem(result.kind === "not_found" ? t("tooLate") : failureText(result.problem));
    } else if (thenEdit) {
      await openDraft(item.draftId, item.account ?? undefined);
    }
    setReload((count) => count + 1);
  }

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
  const items = loaded.items;
  return (
    <>
      <div className="notice notice-error" role="alert">
        {problem && <p>{problem}</p>}
      </div>
      {items.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="scheduled-list" aria-label={t("list")}>
          {items.map((item) => (
            <li
              key={item.id}
              className={`scheduled-item ${item.state === "failed" ? "scheduled-failed" : ""}`}
              data-testid="scheduled-row"
              data-state={item.state}
            >
              <span dir="auto">
                <strong>{item.to?.length ? item.to.join(", ") : t("draft")}</strong> {item.subject && <span>{item.subject}</span>}
              </span>
              {item.state === "failed" ? (
                <span className="compose-error">{sendFailureText(compose, item)}</span>
              ) : item.state === "running" ? (
                <span>{t("sendingNow")}</span>
              ) : (
                <span>{t.rich("sends", { time: () => <LocalTime iso={item.sendAt} style="full" /> })}</span>
              )}
              {item.state !== "running" && (
                <button type="button" className="button" onClick={() => void cancel(item, false)}>
                  {item.state === "failed" ? t("dismiss") : t("cancel")}
                </button>
              )}
              {item.state !== "running" && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    item.state === "scheduled" ? void cancel(item, true) : void openDraft(item.draftId, item.account ?? undefined)
                  }
                >
                  {t("edit")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
