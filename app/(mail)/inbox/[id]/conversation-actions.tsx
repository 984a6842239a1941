"use client";
// Acting from an open conversation with the list's own machinery (useMailActions: the same rules, outcomes,
// Undo and permission dialog). It lives in the inbox's layout, above the conversation page, because acting
// moves on to the next conversation at once, as Gmail does: the page that acted is gone by the time Gmail
// answers, and the answer (with its Undo) must still be shown on the page the reader landed on.
import { usePathname } from "next/navigation";
import { type ReactNode, createContext, use, useCallback, useMemo, useState } from "react";
import { ActionFeedback } from "../conversation-list/action-feedback";
import { type ConversationRow, rowKey } from "../conversation-list/rows";
import { ScopeDialog } from "../conversation-list/scope-dialog";
import { type ActionOptions, useMailActions } from "../conversation-list/use-mail-actions";
import type { MailAction } from "@/lib/mail/mail-actions";
import { GmailLabel } from "@/lib/gmail/labels";

type ConversationActions = {
  /** The conversation as the actions left it (starred, read…) before the server says so. */
  rowOf: (key: string) => ConversationRow | undefined;
  /** Called by the open conversation with its current state, and the label of the list it came from. */
  show: (row: ConversationRow, label: string) => void;
  run: (action: MailAction, key: string, options?: ActionOptions) => Promise<ReadonlySet<string>>;
  undo: () => Promise<void>;
};

const Context = createContext<ConversationActions | null>(null);

export function useConversationActions(): ConversationActions {
  const value = use(Context);
  if (!value) throw new Error("useConversationActions outside ConversationActionsProvider");
  return value;
}

const CONVERSATION_PATH = /^\/inbox\/[^/]+$/;

export function ConversationActionsProvider({ children }: { children: ReactNode }) {
  const [known, setKnown] = useState<ReadonlyMap<string, ConversationRow>>(new Map());
  const [label, setLabel] = useState<string>(GmailLabel.INBOX);
  const base = useMemo(() => [...known.values()], [known]);
  const actions = useMailActions({ base, label, account: null, afterChange: "nothing" });
  const pathname = usePathname();

  const show = useCallback((row: ConversationRow, listLabel: string) => {
    setLabel(listLabel);
    setKnown((now) => {
      const next = new Map(now);
      next.set(rowKey(row), row);
      return next;
    });
  }, []);

  const { rows, run, undo } = actions;
  const value: ConversationActions = {
    rowOf: (key) => rows.find((row) => rowKey(row) === key),
    show,
    run: (action, key, options) => run(action, new Set([key]), options),
    undo,
  };
  const hasFeedback = actions.toast !== null || actions.alert !== null || actions.declined;
  return (
    <Context value={value}>
      {children}
      {/* On a conversation the regions are always there, so screen readers announce what lands in them. */}
      {(hasFeedback || CONVERSATION_PATH.test(pathname)) && (
        <ActionFeedback
          toast={actions.toast}
          alert={actions.alert}
          declined={actions.declined}
          onUndo={() => void actions.undo()}
          onDismissToast={actions.dismissToast}
          onDismissAlert={actions.dismissAlert}
        />
      )}
      {actions.scopeRequest && (
        <ScopeDialog request={actions.scopeRequest} onContinue={actions.continueScopeRequest} onCancel={actions.cancelScopeRequest} />
      )}
    </Context>
  );
}
