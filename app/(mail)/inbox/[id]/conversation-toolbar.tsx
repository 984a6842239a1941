"use client";
// The open conversation's toolbar and Gmail's keys for it: act on the conversation, and move through the list
// it was opened from. Archive, Trash and Mark unread move on at once to the next conversation (or back to the
// list at its end), as Gmail does; what Gmail answers, and the Undo, are shown where the reader lands.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { shortcutKeyOf } from "../../../_components/shortcut-key";
import { SnoozeMenu } from "../../snooze/snooze-menu";
import type { LabelOption } from "../conversation-list/action-toolbar";
import { takePendingAction } from "../conversation-list/pending-action";
import { type ConversationRow, rowKey, withAction } from "../conversation-list/rows";
import { useConversationActions } from "./conversation-actions";
import styles from "./conversation-toolbar.module.css";
import type { MailAction } from "@/lib/mail/mail-actions";
import { GmailLabel, isSpamOrTrashView } from "@/lib/gmail/labels";

// Line icons on a 24-unit grid in the text colour; each button's words name it.
const ICONS = {
  back: "M15 5l-7 7 7 7",
  archive: "M4 5h16v4H4zM5 9v10h14V9M12 11v6m-3-3 3 3 3-3",
  trash: "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
  untrash: "M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3",
  star: "m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z",
  unread: "M3 6h18v12H3zM3 6l9 7 9-7",
  previous: "M6 15l6-6 6 6",
  next: "M6 9l6 6 6-6",
} as const;

// Icons that point along the line (back, an undo's turning arrow) are drawn for left-to-right and mirror in
// right-to-left; Newer and Older point up and down, and do not.
const DIRECTIONAL = new Set<keyof typeof ICONS>(["back", "untrash"]);

function Icon({ name, filled = false }: { name: keyof typeof ICONS; filled?: boolean }) {
  return (
    <svg
      className={`icon ${DIRECTIONAL.has(name) ? "icon-directional" : ""} ${filled ? styles.filled : ""}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

type Move = "next" | "previous";

/** Actions after which the conversation is left for the next one, as Gmail does. */
const MOVING_ACTIONS: ReadonlySet<MailAction> = new Set(["archive", "trash", "untrash", "markUnread"]);

export type ConversationToolbarProps = {
  /** The conversation as the server read it, named by its account. */
  row: ConversationRow;
  /** The label of the list it was opened from (Trash offers Restore, Spam and Trash no Archive). */
  label: string;
  backHref: string;
  /** The conversations above and below in that list, when the list is known here; "3 of 25". */
  previousHref?: string;
  nextHref?: string;
  position?: { index: number; total: number };
  userLabels: LabelOption[];
  /** The account may change mail: acting moves on at once, before Gmail answers. */
  canModify: boolean;
};

export function ConversationToolbar(props: ConversationToolbarProps) {
  const { row, label, backHref, previousHref, nextHref, canModify } = props;
  const router = useRouter();
  const t = useTranslations("conversation.toolbar");
  const actions = useConversationActions();
  const labelSelect = useRef<HTMLSelectElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const [snoozeOpenedAt, setSnoozeOpenedAt] = useState<Date | null>(null);
  const key = rowKey(row);
  const current = actions.rowOf(key) ?? row;
  const spamOrTrash = isSpamOrTrashView(label);
  const inTrash = label === GmailLabel.TRASH;

  const { show } = actions;
  const rowState = JSON.stringify([row.id, row.account, row.labelIds]);
  useEffect(() => {
    show(row, label);
    // The row's identity changes with every render of the page; what matters is its state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [show, rowState, label]);

  const hrefOf = (move: Move) => (move === "next" ? nextHref : previousHref);
  const go = (href: string) => router.push(href);

  const act = (action: MailAction, options: { labelId?: string; labelName?: string } = {}) => {
    void actions.run(action, key, options);
  };

  /** Acts, then moves on: at once when the account may change mail, else once Gmail (or the grant) agrees. */
  const actAndMove = (action: MailAction, move: Move = "next") => {
    const destination = hrefOf(move) ?? backHref;
    // Nothing would change (already archived, say): the toast says so, and the reader stays.
    if (withAction(current, action) === current) return act(action);
    const running = actions.run(action, key);
    if (canModify) go(destination);
    else void running.then((done) => done.has(key) && go(destination));
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const key = shortcutKeyOf(event);
    if (key === null) return;
    const trash = () => actAndMove(inTrash ? "untrash" : "trash");
    // "#" is shifted on US keyboards, not on every layout.
    const handlers: Record<string, (() => void) | undefined> = event.shiftKey
      ? { "#": trash, U: () => actAndMove("markUnread") }
      : {
          "#": trash,
          e: spamOrTrash ? undefined : () => actAndMove("archive"),
          s: () => act(current.starred ? "unstar" : "star"),
          l: () => labelSelect.current?.focus(),
          b: spamOrTrash ? undefined : () => setSnoozeOpenedAt(new Date()),
          u: () => go(backHref),
          j: nextHref ? () => go(nextHref) : undefined,
          k: previousHref ? () => go(previousHref) : undefined,
          "[": spamOrTrash ? undefined : () => actAndMove("archive", "previous"),
          "]": spamOrTrash ? undefined : () => actAndMove("archive", "next"),
          z: () => void actions.undo(),
        };
    const handler = handlers[key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });

  // Back from Google's permission screen: the action asked for before it completes now, and moves on.
  const replayed = useRef(false);
  const known = actions.rowOf(key) !== undefined;
  const replayPending = useEffectEvent(() => {
    const pending = takePendingAction(window.sessionStorage, {
      location: `${window.location.pathname}${window.location.search}`,
      accounts: [row.account ?? ""],
    });
    if (!pending?.threadIds.includes(row.id)) return;
    const moves = MOVING_ACTIONS.has(pending.action);
    void actions
      .run(pending.action, key, { ...(pending.labelId ? { labelId: pending.labelId } : {}), replay: true })
      .then((done) => moves && done.has(key) && go(nextHref ?? backHref));
  });
  useEffect(() => {
    if (!known || replayed.current) return;
    replayed.current = true;
    replayPending();
  }, [known]);

  useEffect(() => {
    window.addEventListener("keydown", onKeyDown);
    toolbar.current?.setAttribute("data-keys", "ready");
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div ref={toolbar} className={styles.toolbar} role="toolbar" aria-label={t("label")} data-testid="conversation-toolbar">
      <Link href={backHref} className={`button ${styles.button}`} aria-keyshortcuts="u" title={t("backTitle")}>
        <Icon name="back" />
        <span className={styles.text}>{t.rich("back", { hidden: (chunks) => <span className="visually-hidden">{chunks}</span> })}</span>
      </Link>
      <span className={styles.group}>
        {!spamOrTrash && (
          <ToolbarButton testId="action-archive" icon="archive" text={t("archive")} keys="e" onClick={() => actAndMove("archive")} />
        )}
        {inTrash ? (
          <ToolbarButton testId="action-untrash" icon="untrash" text={t("restore")} keys="#" onClick={() => actAndMove("untrash")} />
        ) : (
          <ToolbarButton testId="action-trash" icon="trash" text={t("trash")} keys="#" onClick={() => actAndMove("trash")} />
        )}
        <ToolbarButton
          testId="action-star"
          icon="star"
          filled={current.starred}
          text={current.starred ? t("unstar") : t("star")}
          keys="s"
          pressed={current.starred}
          onClick={() => act(current.starred ? "unstar" : "star")}
        />
        <ToolbarButton
          testId="action-unread"
          icon="unread"
          text={t("markUnread")}
          keys="Shift+U"
          onClick={() => actAndMove("markUnread")}
        />
        {props.userLabels.length > 0 && (
          <select
            ref={labelSelect}
            className={`button ${styles.label}`}
            data-testid="action-label"
            aria-label={t("labelAs")}
            aria-keyshortcuts="l"
            value=""
            onChange={(event) => {
              const chosen = props.userLabels.find((option) => option.id === event.target.value);
              if (chosen) act("addLabel", { labelId: chosen.id, labelName: chosen.name });
            }}
          >
            <option value="">{t("labelAsPlaceholder")}</option>
            {props.userLabels.map((option) => (
              <option key={option.id} value={option.id} dir="auto">
                {option.name}
              </option>
            ))}
          </select>
        )}
        {!spamOrTrash && (
          // A snoozed conversation leaves the inbox: the reader moves on, as after Archive.
          <SnoozeMenu
            account={row.account ?? null}
            threadIds={[row.id]}
            openedAt={snoozeOpenedAt}
            onOpenedAtChange={setSnoozeOpenedAt}
            onDone={() => go(nextHref ?? backHref)}
          />
        )}
      </span>
      <span className={styles.spacer} />
      {props.position && (
        <span className={styles.position} data-testid="conversation-position">
          {t("position", { index: props.position.index, total: props.position.total })}
        </span>
      )}
      <MoveLink testId="conversation-previous" icon="previous" label={t("newer")} keys="k" href={previousHref} />
      <MoveLink testId="conversation-next" icon="next" label={t("older")} keys="j" href={nextHref} />
    </div>
  );
}

type ButtonProps = {
  testId: string;
  icon: keyof typeof ICONS;
  text: string;
  keys: string;
  onClick: () => void;
  filled?: boolean;
  pressed?: boolean;
};

function ToolbarButton({ testId, icon, text, keys, onClick, filled, pressed }: ButtonProps) {
  const t = useTranslations("conversation.toolbar");
  return (
    <button
      type="button"
      className={`button ${styles.button}`}
      data-testid={testId}
      onClick={onClick}
      title={t("withKeys", { action: text, keys })}
      aria-keyshortcuts={keys}
      aria-pressed={pressed}
    >
      <Icon name={icon} filled={filled ?? false} />
      <span className={styles.text}>{text}</span>
    </button>
  );
}

/** Previous or Next: a link while there is a conversation that way, a disabled button at the list's end. */
function MoveLink({
  testId,
  icon,
  label,
  keys,
  href,
}: {
  testId: string;
  icon: keyof typeof ICONS;
  label: string;
  keys: string;
  href?: string;
}) {
  const t = useTranslations("conversation.toolbar");
  if (!href) {
    return (
      <button type="button" className={`button ${styles.button}`} data-testid={testId} disabled title={label} aria-label={label}>
        <Icon name={icon} />
      </button>
    );
  }
  return (
    <Link
      href={href}
      className={`button ${styles.button}`}
      data-testid={testId}
      title={t("withKeys", { action: label, keys })}
      aria-label={label}
      aria-keyshortcuts={keys}
    >
      <Icon name={icon} />
    </Link>
  );
}
