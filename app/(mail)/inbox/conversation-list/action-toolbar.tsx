"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef } from "react";
import { Icon } from "./icons";
import type { ActionOptions } from "./use-mail-actions";
import type { MailAction } from "@/lib/mail/mail-actions";
import { GmailLabel, isSpamOrTrashView } from "@/lib/gmail/labels";

export type LabelOption = { id: string; name: string };

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

/** Select-all always; the actions only once something is selected, as in Gmail. */
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
  const t = useTranslations("list");
  const disabled = !hasTarget;
  return (
    <div className="action-bar" role="toolbar" aria-label={t("toolbar.label")}>
      <label className="row-check select-all">
        <input
          ref={selectAll}
          type="checkbox"
          data-testid="select-all"
          checked={rowCount > 0 && selectedCount === rowCount}
          disabled={rowCount === 0}
          onChange={(event) => onSelectAll(event.target.checked)}
        />
        <span className="visually-hidden">{t("toolbar.selectAll")}</span>
      </label>
      <span className="selection-count" aria-live="polite">
        {selectedCount > 0 ? t("toolbar.selected", { count: selectedCount }) : ""}
      </span>
      {selectedCount > 0 && (
        <SelectionActions label={label} userLabels={userLabels} disabled={disabled} starAction={starAction} onAction={onAction}>
          {children}
        </SelectionActions>
      )}
    </div>
  );
}

type SelectionProps = Pick<Props, "label" | "userLabels" | "starAction" | "onAction" | "children"> & { disabled: boolean };

function SelectionActions({ label, userLabels, disabled, starAction, onAction, children }: SelectionProps) {
  const t = useTranslations("list");
  const spamOrTrash = isSpamOrTrashView(label);
  const current = userLabels.find((option) => option.id === label);
  return (
    <>
      {!spamOrTrash && (
        <ActionButton
          testId="action-archive"
          icon="archive"
          text={t("toolbar.archive")}
          keys="e"
          disabled={disabled}
          onClick={() => onAction("archive")}
        />
      )}
      {!spamOrTrash && label !== GmailLabel.INBOX && (
        <ActionButton
          testId="action-unarchive"
          icon="unarchive"
          text={t("toolbar.unarchive")}
          disabled={disabled}
          onClick={() => onAction("unarchive")}
        />
      )}
      {label === GmailLabel.TRASH ? (
        <ActionButton
          testId="action-untrash"
          icon="untrash"
          text={t("toolbar.untrash")}
          keys="#"
          disabled={disabled}
          onClick={() => onAction("untrash")}
        />
      ) : (
        <ActionButton
          testId="action-trash"
          icon="trash"
          text={t("toolbar.trash")}
          keys="#"
          disabled={disabled}
          onClick={() => onAction("trash")}
        />
      )}
      {label === GmailLabel.SPAM ? (
        <ActionButton
          testId="action-not-spam"
          icon="unarchive"
          text={t("toolbar.notSpam")}
          disabled={disabled}
          onClick={() => onAction("notSpam")}
        />
      ) : (
        label !== GmailLabel.TRASH && (
          <ActionButton
            testId="action-report-spam"
            icon="spam"
            text={t("toolbar.reportSpam")}
            keys="!"
            disabled={disabled}
            onClick={() => onAction("reportSpam")}
          />
        )
      )}
      <ActionButton
        testId="action-star"
        icon="star"
        text={starAction === "unstar" ? t("toolbar.unstar") : t("toolbar.star")}
        keys="s"
        disabled={disabled}
        onClick={() => onAction(starAction)}
      />
      <ActionButton
        testId="action-read"
        icon="read"
        text={t("toolbar.markRead")}
        keys="Shift+I"
        disabled={disabled}
        onClick={() => onAction("markRead")}
      />
      <ActionButton
        testId="action-unread"
        icon="unread"
        text={t("toolbar.markUnread")}
        keys="Shift+U"
        disabled={disabled}
        onClick={() => onAction("markUnread")}
      />
      {children}
      {current && (
        <ActionButton
          testId="action-remove-label"
          icon="unlabel"
          text={t("toolbar.removeLabel", { label: current.name })}
          disabled={disabled}
          onClick={() => onAction("removeLabel", { labelId: current.id, labelName: current.name })}
        />
      )}
      {userLabels.length > 0 && (
        <select
          className="button action-label"
          data-testid="action-label"
          aria-label={t("toolbar.addLabel")}
          value=""
          disabled={disabled}
          onChange={(event) => {
            const chosen = userLabels.find((option) => option.id === event.target.value);
            if (chosen) onAction("addLabel", { labelId: chosen.id, labelName: chosen.name });
          }}
        >
          <option value="">{t("toolbar.labelAs")}</option>
          {userLabels.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </>
  );
}
