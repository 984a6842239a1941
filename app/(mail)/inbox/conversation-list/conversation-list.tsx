"use client";
// The inbox's list of conversations, as a person lives in it: select rows (or just move to one), act from
// the toolbar or with Gmail's keys, see the change at once, undo it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from "react";
import { KeyboardList } from "../../../_components/keyboard-list";
import { shortcutKeyOf } from "../../../_components/shortcut-key";
import { useDocumentTitle } from "../../../_components/use-document-title";
import { ActionFeedback } from "./action-feedback";
import { ActionToolbar, type LabelOption } from "./action-toolbar";
import { documentTitleOf } from "./arrivals";
import { ConversationRowItem } from "./conversation-row";
import { pageRangeText } from "./page-range";
import { rowActionsFor } from "./row-actions";
import { takePendingAction } from "./pending-action";
import { type ConversationRow, rowKey, starToggleFor, withAction } from "./rows";
import { ScopeDialog } from "./scope-dialog";
import { useLiveRows } from "./use-live-rows";
import { type ActionOptions, useMailActions } from "./use-mail-actions";
import { SnoozeMenu } from "../../snooze/snooze-menu";
import { UnsnoozeButton } from "../../snooze/unsnooze-button";
import { useSnoozedRows } from "../../snooze/use-snoozed-rows";
import { snoozedNotice, unsnoozedNotice } from "../../snooze/snooze-notice";
import { VERSION_PARAM, conversationVersion } from "../prefetch/conversation-version";
import { useConversationPrefetch } from "../prefetch/use-conversation-prefetch";
import type { MailAction } from "@/lib/mail/mail-actions";
import { GmailLabel, belongsInView, isSpamOrTrashView, isUserLabelId } from "@/lib/gmail/labels";

type Props = {
  rows: ConversationRow[];
  /** The label listed; decides which rows an action takes out of the list and which actions are offered. */
  label: string;
  /** The account read (one-account inbox); null in All accounts, where each row names its own. */
  account: string | null;
  /** `account=` for the conversation links of a one-account inbox (absent for the default account). */
  accountParam?: string;
  /** The inbox URL to come back to from a conversation. */
  back: string;
  userLabels: LabelOption[];
  listName: string;
  q?: string;
  resultSizeEstimate: number;
  /** Where "Back to the newest" goes when a later page is emptied. */
  newestHref?: string;
  /** Where the rows stand in the mailbox (All accounts: in each mailbox): the live stream starts there. */
  position?: string;
  /** What an empty page says until mail arrives (a page emptied by actions says so instead). */
  whenEmpty?: ReactNode;
  /** The view's name, for the document title ("Inbox (3) · Mailroom"). */
  viewName: string;
  /** The position of the page's first row among all the view's (1 on the first page). */
  firstIndex: number;
  /** The page's Newer and Older links, shown with the range at the toolbar's end. */
  pager: ReactNode;
  /** The Snoozed view: when each conversation wakes (ISO, by thread id); offers Unsnooze. */
  snoozes?: Record<string, string> | undefined;
  /** Accounts Google has not yet allowed to change mail: an action there asks first, changing nothing. */
  readOnlyAccounts?: readonly string[];
};

type Current = { key: string; index: number };

function conversationHref(row: ConversationRow, account: string | undefined, back: string): string {
  // The version makes a changed conversation a new URL, so a prefetched copy of it is never shown (prefetch/).
  return `/inbox/${row.id}?${new URLSearchParams({ ...(account ? { account } : {}), back, [VERSION_PARAM]: conversationVersion(row) })}`;
}

export function ConversationList(props: Props) {
  const { label, account, back, userLabels } = props;
  const t = useTranslations("list");
  const allAccounts = account === null;
  const live = useLiveRows(props.rows, {
    account,
    label,
    view: props.back,
    since: props.position,
    insertNew: !props.q && !props.newestHref,
  });
  const actions = useMailActions({ base: live.rows, label, account, readOnlyAccounts: props.readOnlyAccounts });
  const snooze = useSnoozedRows(actions.rows);
  const { rows } = snooze;
  const [snoozeOpenedAt, setSnoozeOpenedAt] = useState<Date | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<Current | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const prefetchState = useConversationPrefetch(wrapper);

  const keys = rows.map(rowKey);
  const selection = new Set(keys.filter((key) => selected.has(key)));
  // The row the keys act on: the one last focused or, once it has left the list, the one now in its place.
  const currentRow = current
    ? (rows.find((row) => rowKey(row) === current.key) ?? rows[Math.min(current.index, rows.length - 1)])
    : undefined;
  const currentKey = currentRow ? rowKey(currentRow) : null;
  const targets: ReadonlySet<string> = selection.size > 0 ? selection : new Set(currentKey ? [currentKey] : []);
  const targetRows = rows.filter((row) => targets.has(rowKey(row)));
  const spamOrTrash = isSpamOrTrashView(label);
  // Snooze acts on one account's conversations: in All accounts, only when the targets share one.
  const targetAccounts = new Set(targetRows.map((row) => row.account ?? account));
  const snoozeAccount = targetAccounts.size === 1 ? [...targetAccounts][0] : undefined;

  // A row's own star and hover buttons act on that row alone, selected or not.
  const actOn = (keysToAct: ReadonlySet<string>, action: MailAction, options: ActionOptions = {}) => {
    if (keysToAct.size === 0) return;
    const actedRows = rows.filter((row) => keysToAct.has(rowKey(row)));
    // Rows that leave the list leave the selection too; the others stay selected for the next action. If
    // Gmail refuses, the rows come back selected as they were.
    const leaving = actedRows
      .filter((row) => belongsInView(row.labelIds, label) && !belongsInView(withAction(row, action, options.labelId).labelIds, label))
      .map(rowKey);
    const fromSelection = [...keysToAct].every((key) => selection.has(key));
    if (leaving.length > 0) setSelected((now) => new Set([...now].filter((key) => !leaving.includes(key))));
    void actions.run(action, keysToAct, options).then((done) => {
      const back = fromSelection ? leaving.filter((key) => !done.has(key)) : [];
      if (back.length > 0) setSelected((now) => new Set([...now, ...back]));
    });
  };

  const act = (action: MailAction, options: ActionOptions = {}) => actOn(targets, action, options);

  const toggle = (key: string, on: boolean) =>
    setSelected((now) => {
      const next = new Set(now);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const key = shortcutKeyOf(event);
    if (key === null) return;
    const shortcuts: Record<string, () => void> = {
      e: () => !spamOrTrash && act("archive"),
      "#": () => (label === GmailLabel.TRASH ? act("untrash") : act("trash")),
      s: () => act(starToggleFor(targetRows)),
      "!": () => !spamOrTrash && act("reportSpam"),
      x: () => currentKey && toggle(currentKey, !selection.has(currentKey)),
      z: () => void actions.undo(),
      // As in Gmail, `b` on the current row snoozes that row: it becomes the selection the menu acts on.
      b: () => {
        if (snoozeAccount === undefined || spamOrTrash || targets.size === 0) return;
        if (selection.size === 0 && currentKey) setSelected(new Set([currentKey]));
        setSnoozeOpenedAt(new Date());
      },
    };
    const shifted: Record<string, () => void> = { I: () => act("markRead"), U: () => act("markUnread") };
    const handler =
      event.shiftKey && shifted[key] ? shifted[key] : event.shiftKey && key !== "#" && key !== "!" ? undefined : shortcuts[key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });

  // Once, on arrival: an action the user asked for before going to Google for permission completes here.
  const replayPending = useEffectEvent(() => {
    const accounts = allAccounts ? [...new Set(props.rows.flatMap((row) => (row.account ? [row.account] : [])))] : [account ?? ""];
    const pending = takePendingAction(window.sessionStorage, {
      location: `${window.location.pathname}${window.location.search}`,
      accounts,
    });
    if (!pending) return;
    const wanted = new Set(pending.threadIds);
    const pendingKeys = props.rows
      .filter((row) => wanted.has(row.id) && (!allAccounts || row.account?.toLowerCase() === pending.account.toLowerCase()))
      .map(rowKey);
    void actions.run(pending.action, new Set(pendingKeys), { ...(pending.labelId ? { labelId: pending.labelId } : {}), replay: true });
  });

  useEffect(() => {
    window.addEventListener("keydown", onKeyDown);
    replayPending();
    wrapper.current?.setAttribute("data-actions", "ready");
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // The tab's title carries the unread count, and follows the list as mail arrives and is read.
  useDocumentTitle(documentTitleOf(t, props.viewName, rows));

  // The focused row left the list (archived, trashed): focus moves to the row now in its place, as in Gmail.
  useLayoutEffect(() => {
    const active = document.activeElement;
    // Only when the focus went down with the row that held it; never taken from anything else.
    if (!currentKey || (active && active !== document.body)) return;
    wrapper.current?.querySelector<HTMLAnchorElement>(`li[data-row-key="${CSS.escape(currentKey)}"] a[data-row-link]`)?.focus();
  }, [currentKey, rows.length]);

  const labelNames = new Map(userLabels.map((option) => [option.id, option.name]));
  const rowActions = rowActionsFor(label);
  // Polite, and only for mail from others: the person's own actions are told by the undo toast.
  const announcer = (
    <p className="visually-hidden" aria-live="polite" data-testid="new-mail-announcement">
      {live.announcement}
    </p>
  );

  // A page that came empty says so, and stays live: the first mail to arrive replaces this.
  if (rows.length === 0 && props.rows.length === 0 && props.whenEmpty) {
    return (
      <div ref={wrapper} className="conversations" data-live={live.state}>
        {announcer}
        {props.whenEmpty}
        {props.pager}
      </div>
    );
  }

  return (
    <div ref={wrapper} className="conversations" data-live={live.state}>
      <div className="list-head">
        <ActionToolbar
          label={label}
          userLabels={userLabels}
          selectedCount={selection.size}
          rowCount={rows.length}
          hasTarget={targets.size > 0}
          starAction={starToggleFor(targetRows)}
          onSelectAll={(on) => setSelected(on ? new Set(keys) : new Set())}
          onAction={act}
        >
          {snoozeAccount !== undefined && !spamOrTrash && (
            <SnoozeMenu
              account={snoozeAccount}
              threadIds={targetRows.map((row) => row.id)}
              openedAt={snoozeOpenedAt}
              onOpenedAtChange={setSnoozeOpenedAt}
              onDone={({ threadIds, until }) => snooze.hide(threadIds, snoozedNotice(threadIds.length, until))}
            />
          )}
          {props.snoozes && snoozeAccount !== undefined && (
            <UnsnoozeButton
              account={snoozeAccount}
              threadIds={targetRows.map((row) => row.id)}
              onDone={(threadIds) => snooze.hide(threadIds, unsnoozedNotice(threadIds.length))}
            />
          )}
        </ActionToolbar>
        <span className="page-range" data-testid="page-range">
          {pageRangeText(t, props.firstIndex, rows.length, props.resultSizeEstimate)}
        </span>
        {props.pager}
      </div>
      {announcer}
      <ActionFeedback
        toast={actions.toast}
        alert={actions.alert}
        alertFix={actions.alertFix}
        declined={actions.declined}
        onUndo={() => void actions.undo()}
        onDismissToast={actions.dismissToast}
        onDismissAlert={actions.dismissAlert}
      />
      {snooze.notice && (
        <p className="snooze-notice" role="status" data-testid="snooze-notice">
          {snooze.notice}
        </p>
      )}
      {rows.length === 0 ? (
        <section className="state">
          <h2>{t("empty.emptiedTitle")}</h2>
          <p>{t("empty.emptiedText")}</p>
          {props.newestHref && (
            <Link href={props.newestHref} className="button">
              {t("empty.backToNewest")}
            </Link>
          )}
        </section>
      ) : (
        <KeyboardList>
          <ul className="message-list" aria-label={props.listName}>
            {rows.map((row, index) => {
              const key = rowKey(row);
              const href = conversationHref(row, allAccounts ? row.account : props.accountParam, back);
              return (
                <ConversationRowItem
                  key={key}
                  rowKey={key}
                  row={row}
                  href={href}
                  prefetch={prefetchState(href)}
                  me={row.account ?? account}
                  showAccount={allAccounts}
                  labelNames={row.labelIds.filter((id) => isUserLabelId(id) && id !== label).flatMap((id) => labelNames.get(id) ?? [])}
                  rowActions={rowActions}
                  selected={selection.has(key)}
                  current={key === currentKey}
                  onSelect={(on) => toggle(key, on)}
                  onFocus={() => setCurrent({ key, index })}
                  onAction={(action) => actOn(new Set([key]), action)}
                  snoozedUntil={props.snoozes?.[row.id]}
                />
              );
            })}
          </ul>
        </KeyboardList>
      )}
      {actions.scopeRequest && (
        <ScopeDialog request={actions.scopeRequest} onContinue={actions.continueScopeRequest} onCancel={actions.cancelScopeRequest} />
      )}
    </div>
  );
}
