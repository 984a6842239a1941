"use client";

import type { AutosaveStatus } from "./autosave";

function describe(status: AutosaveStatus): string {
  switch (status.state) {
    case "idle":
      return "";
    case "pending":
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "conflict":
      return "Not saved: changed elsewhere";
    case "scope_required":
      return "Not saved: permission needed";
    case "failed":
      return "Not saved: kept in this browser";
  }
}

/** "Saving…" / "Saved" / why not, announced politely as it changes. */
export function DraftState({ status }: { status: AutosaveStatus }) {
  const failed = status.state === "failed" || status.state === "conflict" || status.state === "scope_required";
  return (
    <span className={`draft-state ${failed ? "draft-state-error" : ""}`} role="status" data-testid="draft-state" data-state={status.state}>
      {describe(status)}
    </span>
  );
}
