"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "../../../_components/local-time";
import { Icon } from "./icons";
import { participantsText } from "./participants";
import { SnoozedUntil } from "../../snooze/snoozed-until";
import styles from "./conversation-row.module.css";
import { ROW_ACTION_ICONS, type RowAction } from "./row-actions";
import type { ConversationRow } from "./rows";
import type { MailAction } from "@/lib/mail/mail-actions";
import type { PrefetchState } from "../prefetch/prefetch-queue";

type Props = {
  row: ConversationRow;
  rowKey: string;
  href: string;
  /** The account whose messages are "me" (the row's own in All accounts). */
  me: string | null;
  showAccount: boolean;
  /** The names of the user labels the row carries, shown as chips. */
  labelNames: readonly string[];
  /** The actions the row's hover buttons offer here (none in views where they make no sense). */
  rowActions: readonly RowAction[];
  selected: boolean;
  /** The row the keys and the toolbar act on when nothing is selected. */
  current: boolean;
  onSelect: (selected: boolean) => void;
  onFocus: () => void;
  /** Acts on this row alone: its star and its hover buttons. */
  onAction: (action: MailAction) => void;
  /** In the Snoozed view: when it comes back (ISO), shown in place of the date. */
  snoozedUntil?: string | undefined;
  /** How far the conversation's prefetch is (`data-prefetch`); the list prefetches on intent, not on sight. */
  prefetch?: PrefetchState | undefined;
};

export function ConversationRowItem(props: Props) {
  const { row, rowKey, href, me, showAccount, labelNames, selected, current, onSelect, onFocus, onAction, snoozedUntil, prefetch } = props;
  const t = useTranslations("list");
  const who = participantsText(t, row, me);
  const subject = row.subject || t("row.noSubject");
  const classes = ["message-row", row.unread && "unread", selected && "selected", current && "current"].filter(Boolean).join(" ");
  // Only the focused row's own buttons are tab stops, so Tab through the list stays one stop per row.
  const tabIndex = current ? 0 : -1;
  const readToggle: RowAction = row.unread ? "markRead" : "markUnread";
  return (
    <li
      className={classes}
      data-testid="message-row"
      data-thread-id={row.id}
      data-message-id={row.latestMessageId}
      data-account={showAccount ? row.account : undefined}
      data-row-key={rowKey}
      data-prefetch={prefetch}
      onFocus={onFocus}
    >
      <label className="row-check">
        <input type="checkbox" data-testid="row-select" checked={selected} onChange={(event) => onSelect(event.target.checked)} />
        <span className="visually-hidden">{t("row.select", { subject, who })}</span>
      </label>
      <button
        type="button"
        className="star row-star"
        data-testid="row-star"
        aria-pressed={row.starred}
        aria-label={t("row.star", { subject })}
        tabIndex={tabIndex}
        onClick={() => onAction(row.starred ? "unstar" : "star")}
      >
        <Icon name={row.starred ? "starred" : "star"} />
      </button>
      <Link href={href} prefetch={false} data-row-link className="message-link">
        <span className="sender">
          {/* The name is isolated on its own, so bidi controls in it cannot reorder the rest of the row. */}
          <span className="from">
            {row.unread && <span className="visually-hidden">{t("row.unread")}</span>}
            {row.starred && <span className="visually-hidden">{t("row.starred")}</span>}
            <bdi dir="auto">{who}</bdi>
          </span>
          {row.messageCount > 1 && (
            <span className="count">
              {" "}
              ({row.messageCount}
              <span className="visually-hidden">{t("row.messages")}</span>)
            </span>
          )}
        </span>
        <span className={`summary ${styles.summary}`}>
          {showAccount && row.account && (
            <>
              <span className="account-chip" data-testid="account-chip" title={t("row.inAccount", { account: row.account })}>
                <span className="visually-hidden">{t("row.inAccountPrefix")}</span>
                <bdi>{row.account}</bdi>
              </span>{" "}
            </>
          )}
          {labelNames.map((name) => (
            <span key={name} className="label-chip" data-testid="label-chip">
              <span className="visually-hidden">{t("row.labelPrefix")}</span>
              <bdi>{name}</bdi>
            </span>
          ))}
          {/* One reading unit, one isolate: its direction is the subject's, and the snippet follows it. */}
          <bdi className={styles.text} dir="auto">
            <span className="subject">{subject}</span>
            {row.snippet && (
              <span className="snippet">
                {" — "}
                {row.snippet}
              </span>
            )}
          </bdi>
        </span>
        {row.hasAttachment && (
          <span className="attachment-mark" data-testid="row-attachment" title={t("row.hasAttachments")}>
            <Icon name="paperclip" />
            <span className="visually-hidden">{t("row.hasAttachmentsSuffix")}</span>
          </span>
        )}
        <span className="date">{snoozedUntil ? <SnoozedUntil iso={snoozedUntil} /> : <LocalTime iso={row.date} />}</span>
      </Link>
      <span className="row-actions">
        {[...props.rowActions.filter((action) => action !== "markRead" && action !== "markUnread"), readToggle]
          .filter((action) => props.rowActions.includes(action))
          .map((action) => (
            <button
              key={action}
              type="button"
              className="row-action"
              data-testid={`row-${action}`}
              tabIndex={tabIndex}
              title={t(`toolbar.${action}`)}
              aria-label={t("row.action", { action: t(`toolbar.${action}`), subject })}
              onClick={() => onAction(action)}
            >
              <Icon name={ROW_ACTION_ICONS[action]} />
            </button>
          ))}
      </span>
    </li>
  );
}
