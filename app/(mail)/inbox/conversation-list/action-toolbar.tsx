"use client";

import { type ReactNode, useEffect, useRef } from "react";
import type { ActionOptions } from "./use-mail-actions";
import type { MailAction } from "@/lib/mail/mail-actions";
import { GmailLabel, isSpamOrTrashView } from "@/lib/gmail/labels";

export type LabelOption = { id: string; name: string };

// Simple line icons, drawn on a 24-unit grid in the current text colour; the buttons' words name them.
const ICONS: Record<string, ReactNode> = {
  archive: <path d="M4 5h16v4H4zM5 9v10h14V9M12 11v6m-3-3 3 3 3-3" />,
  unarchive: <path d="M4 13h4l2 3h4l2-3h4M4 13l2-8h12l2 8v6H4z" />,
  trash: <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />,
  untrash: <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  star: <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z" />,
  read: <path d="M3 10l9-6 9 6v10H3zM3 10l9 6 9-6" />,
  unread: <path d="M3 6h18v12H3zM3 6l9 7 9-7" />,
  unlabel: <path d="M3 12 10 5h10v14H10zM12 10l4 4m0-4-4 4" />,
};

function Icon({ name }: { name: string }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {ICONS[name]}
    </svg>
  );
}

type ButtonProps = { testId: string; icon: string; text: string; disabled: boolean; onClick: () => void; keys?: string };

function ActionButton({ testId, icon, text, disabled, onClick, keys }: ButtonProps) {
  return (
    <button
      type="button"
      className="button action-button"
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      title={keys ? `${text} (${keys})` : text}
      aria-keyshortcuts={keys}
    >
      <Icon name={icon} />
      <span className="action-text">{text}</span>
    </button>
  );
}

type Props = {
  /** The label being listed: which actions make sense depends on it (no Archive in the Trash). */
  label: string;
  /** The user labels this account has, for "Label as"; none in All accounts. */
  userLabels: LabelOption[];
  selectedCount: number;
  rowCount: number;
  /** Something to act on: a selection, or else the current row. */
  hasTarget: boolean;
  starAction: "star" | "unstar";
  onSelectAll: (selected: boolean) => void;
  onAction: (action: MailAction, options?: ActionOptions) => void;
  /** More actions that act on their own (Snooze), after Mark unread. */
  children?: ReactNode;
};

export function ActionToolbar({
  label,
  userLabels,
  selectedCount,
  rowCount,
  hasTarget,
  starAction,
  onSelectAll,
  onAction,
  children,
}: Props) {
  const selectAll = useRef<HTMLInputElement>(null);
  const some = selectedCount > 0 && selectedCount < rowCount;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some;
  }, [some]);
  const spamOrTrash = isSpamOrTrashView(label);
  const current = userLabels.find((option) => option.id === label);
  const disabled = !hasTarget;
  return (
    <div className="action-bar" role="toolbar" aria-label="Conversation actions">
      <label className="row-check select-all">
        <input
          ref={selectAll}
          type="checkbox"
          data-testid="select-all"
          checked={rowCount > 0 && selectedCount === rowCount}
          disabled={rowCount === 0}
          onChange={(event) => onSelectAll(event.target.checked)}
        />
        <span className="visually-hidden">Select every conversation on this page</span>
      </label>
      <span className="selection-count" aria-live="polite">
        {selectedCount > 0 ? `${selectedCount} selected` : ""}
      </span>
      {!spamOrTrash && (
        <ActionButton
          testId="action-archive"
          icon="archive"
          text="Archive"
          keys="e"
          disabled={disabled}
          onClick={() => onAction("archive")}
        />
      )}
      {!spamOrTrash && label !== GmailLabel.INBOX && (
        <ActionButton
          testId="action-unarchive"
          icon="unarchive"
          text="Move to Inbox"
          disabled={disabled}
          onClick={() => onAction("unarchive")}
        />
      )}
      {label === GmailLabel.TRASH ? (
        <ActionButton
          testId="action-untrash"
          icon="untrash"
          text="Restore"
          keys="#"
          disabled={disabled}
          onClick={() => onAction("untrash")}
        />
      ) : (
        <ActionButton testId="action-trash" icon="trash" text="Trash" keys="#" disabled={disabled} onClick={() => onAction("trash")} />
      )}
      <ActionButton
        testId="action-star"
        icon="star"
        text={starAction === "unstar" ? "Unstar" : "Star"}
        keys="s"
        disabled={disabled}
        onClick={() => onAction(starAction)}
      />
      <ActionButton
        testId="action-read"
        icon="read"
        text="Mark read"
        keys="Shift+I"
        disabled={disabled}
        onClick={() => onAction("markRead")}
      />
      <ActionButton
        testId="action-unread"
        icon="unread"
        text="Mark unread"
        keys="Shift+U"
        disabled={disabled}
        onClick={() => onAction("markUnread")}
      />
      {children}
      {current && (
        <ActionButton
          testId="action-remove-label"
          icon="unlabel"
          text={`Remove “${current.name}”`}
          disabled={disabled}
          onClick={() => onAction("removeLabel", { labelId: current.id, labelName: current.name })}
        />
      )}
      {userLabels.length > 0 && (
        <select
          className="button action-label"
          data-testid="action-label"
          aria-label="Add a label"
          value=""
          disabled={disabled}
          onChange={(event) => {
            const chosen = userLabels.find((option) => option.id === event.target.value);
            if (chosen) onAction("addLabel", { labelId: chosen.id, labelName: chosen.name });
          }}
        >
          <option value="">Label as…</option>
          {userLabels.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
