"use client";
// Where writing mail lives in the mail pages: at most one composer open, opened by Compose (key c), by a
// message's Reply / Reply all / Forward, from a draft, or reopened after a reload or a trip to Google's
// consent screen; and the Undo send toast once it has sent.
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { type ReactNode, createContext, use, useCallback, useEffect, useState } from "react";
import "./compose.css";
import { type ScheduledSend, cancelScheduled, getDraft, listDrafts } from "./compose-api";
import { Composer } from "./composer";
import { useFailureText } from "@/app/_components/use-failure-text";
import { type LocalDraft, localDraftFor, newComposerKey, openLocalDraft } from "./local-draft";
import { type ReplyMode, type ReplySource, replyDraft } from "./quote";
import { UndoSendToast } from "./undo-send-toast";
import { interfaceLocaleOf } from "@/lib/i18n/locales";
import { shortcutKeyOf } from "../../_components/shortcut-key";

type ComposerApi = {
  compose: () => void;
  reply: (source: ReplySource, mode: ReplyMode) => void;
  openDraft: (draftId: string, account?: string) => Promise<void>;
  /** A draft shown as a message of a conversation: found among the account's drafts by its message id. */
  openDraftMessage: (account: string, messageId: string) => Promise<void>;
  isOpen: boolean;
  /** The account the page shows (its `account=`), else the default one. */
  currentAccount: string | null;
};

const ComposerContext = createContext<ComposerApi | null>(null);

export function useComposer(): ComposerApi {
  const api = use(ComposerContext);
  if (!api) throw new Error("useComposer needs a ComposerProvider");
  return api;
}

export type SentToast = { scheduled: ScheduledSend; draft: LocalDraft; later: boolean };

function emptyDraft(account: string): LocalDraft {
  return {
    key: newComposerKey(),
    account,
    to: [],
    cc: [],
    bcc: [],
    subject: "",
    html: "",
    attachments: [],
    draft: null,
    savedAt: Date.now(),
  };
}

/** The address of a From header ("Name <address>" or a bare address). */
function addressOf(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

type Props = { accounts: string[]; defaultAccount: string | null; children: ReactNode };

export function ComposerProvider({ accounts, defaultAccount, children }: Props) {
  const t = useTranslations("compose.toast");
  const failureText = useFailureText("compose");
  const params = useSearchParams();
  const pathname = usePathname();
  const [open, setOpen] = useState<LocalDraft | null>(null);
  const [toast, setToast] = useState<SentToast | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** A short word on what just happened that needs no action ("Draft discarded"). */
  const [status, setStatus] = useState<string | null>(null);

  const requested = params.get("account")?.toLowerCase();
  const currentAccount = accounts.find((account) => account.toLowerCase() === requested) ?? defaultAccount ?? accounts[0] ?? null;

  // After a reload, a crash or Google's consent screen: the composer this tab had open, with its text.
  useEffect(() => {
    const kept = openLocalDraft();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage is only readable after hydration
    if (kept) setOpen(kept);
  }, []);

  const compose = useCallback(() => {
    if (!currentAccount) return;
    setNotice(null);
    setOpen((current) => current ?? emptyDraft(currentAccount));
  }, [currentAccount]);

  // The quote's header is written in the person's language and zone, as the server writes the message's own.
  const locale = useLocale();
  const timeZone = useTimeZone();
  const reply = useCallback(
    (source: ReplySource, mode: ReplyMode) => {
      setNotice(null);
      const writer = { language: interfaceLocaleOf([locale]), locale, timeZone };
      const content = replyDraft(source, mode, { writer });
      setOpen({ key: newComposerKey(), attachments: [], draft: null, savedAt: Date.now(), ...content });
    },
    [locale, timeZone],
  );

  const openDraft = useCallback(
    async (draftId: string, account?: string) => {
      setNotice(null);
      const result = await getDraft(draftId, account);
      if (result.kind !== "ok") {
        setNotice(failureText(result.problem));
        return;
      }
      const stored = result.value;
      // Text typed here that Gmail may not have yet wins; its version makes a conflict visible if another tab saved since.
      const kept = localDraftFor(draftId);
      setOpen(
        kept ?? {
          key: newComposerKey(),
          account: stored.account,
          to: stored.to,
          cc: stored.cc ?? [],
          bcc: stored.bcc ?? [],
          subject: stored.subject,
          ...(stored.from ? { from: addressOf(stored.from) } : {}),
          html: stored.html,
          attachments: stored.attachments ?? [],
          draft: { id: stored.id, version: stored.version },
          savedAt: Date.now(),
        },
      );
    },
    [failureText],
  );

  const openDraftMessage = useCallback(
    async (account: string, messageId: string) => {
      const result = await listDrafts(account);
      const row = result.kind === "ok" ? result.value.drafts.find((draft) => draft.messageId === messageId) : undefined;
      if (!row) {
        setNotice(result.kind === "ok" ? t("draftGone") : failureText(result.problem));
        return;
      }
      await openDraft(row.id, account);
    },
    [openDraft, t, failureText],
  );

  const dismissToast = useCallback(() => setToast(null), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const dismissStatus = useCallback(() => setStatus(null), []);

  const undo = useCallback(async () => {
    if (!toast) return;
    const { scheduled, draft } = toast;
    setToast(null);
    const result = await cancelScheduled(scheduled.id);
    if (result.kind === "ok") {
      setNotice(null);
      setOpen({ ...draft, key: newComposerKey(), pendingSend: undefined, savedAt: Date.now() });
    } else {
      setNotice(result.kind === "not_found" ? t("tooLateToUndo") : failureText(result.problem));
    }
  }, [toast, t, failureText]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = shortcutKeyOf(event);
      if (event.shiftKey) return;
      if (key === "c" && !open) {
        event.preventDefault();
        compose();
      } else if (key === "z" && toast && !toast.later) {
        event.preventDefault();
        void undo();
      }
    }
    // Captured before the mail list's own keys: with a send to undo, z is Undo send, not the list's Undo.
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [compose, undo, open, toast]);

  const api: ComposerApi = { compose, reply, openDraft, openDraftMessage, isOpen: open !== null, currentAccount };
  return (
    <ComposerContext value={api}>
      {children}
      {open && (
        <Composer
          key={open.key}
          initial={open}
          accounts={accounts}
          returnTo={`${pathname}${params.size > 0 ? `?${params}` : ""}`}
          onClose={() => setOpen(null)}
          onDiscarded={() => {
            setOpen(null);
            setStatus(t("discarded"));
          }}
          onSent={(sent) => {
            setOpen(null);
            setToast(sent);
          }}
          onReload={(draftId) => {
            setOpen(null);
            void openDraft(draftId);
          }}
        />
      )}
      <UndoSendToast
        toast={toast}
        notice={notice}
        status={status}
        onDismissStatus={dismissStatus}
        onUndo={() => void undo()}
        onDismiss={dismissToast}
        onDismissNotice={dismissNotice}
      />
    </ComposerContext>
  );
}
