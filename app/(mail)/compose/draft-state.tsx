"use client";

import { useTranslations } from "next-intl";
import type { AutosaveStatus } from "./autosave";

function describe(status: AutosaveStatus): "saving" | "saved" | "conflict" | "scope" | "failed" | null {
  switch (status.state) {
    case "idle":
      return null;
    case "pending":
    case "saving":
      return "saving";
    case "saved":
      return "saved";
    case "conflict":
      return "conflict";
    case "scope_required":
      return "scope";
    case "failed":
      return "failed";
  }
}

/** "Saving…" / "Saved" / why not, announced politely as it changes. */
export function DraftState({ status }: { status: AutosaveStatus }) {
  const t = useTranslations("compose.draftState");
  const key = describe(status);
  const failed = status.state === "failed" || status.state === "conflict" || status.state === "scope_required";
  return (
    <span className={`draft-state ${failed ? "draft-state-error" : ""}`} role="status" data-testid="draft-state" data-state={status.state}>
      {key && t(key)}
    </span>
  );
}
