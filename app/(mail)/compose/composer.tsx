"use client";
// The composer: a Gmail draft from its first save, edited here. Keys: Ctrl/⌘+Enter sends, Esc closes
// (saving first; the draft stays in Gmail's Drafts).
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { AttachmentList, AttachmentRefusal } from "./attachment-list";
import type { SentToast } from "./composer-provider";
import { ConflictNotice } from "./conflict-notice";
import { DraftState } from "./draft-state";
import { useFailureText } from "@/app/_components/use-failure-text";
import { FromPicker } from "./from-picker";
import type { LocalDraft } from "./local-draft";
import { PermissionNotice } from "./permission-notice";
import { RecipientInput } from "./recipient-input";
import { QuotePreview } from "./quote-preview";
import { RichTextEditor } from "./rich-text-editor";
import { SendLaterPicker } from "./send-later-picker";
import { useAttachments } from "./use-attachments";
import { DraftSession, type SendOutcome } from "./draft-session";
import type { AutosaveStatus } from "./autosave";
import { startModifyGrant } from "../../_components/grant-modify";

type Props = {
  initial: LocalDraft;
  accounts: string[];
  returnTo: string;
  onClose: () => void;
  onSent: (sent: SentToast) => void;
  /** The draft was thrown away (Gmail's and this browser's copy). */
  onDiscarded: () => void;
  /** Replace this composer's text with the draft as Gmail has it now. */
  onReload: (draftId: string) => void;
};

function titleOf(draft: LocalDraft): "forward" | "reply" | "draft" | "newMessage" {
  if (draft.inReplyTo?.mode === "forward") return "forward";
  if (draft.inReplyTo) return "reply";
  return draft.draft ? "draft" : "newMessage";
}

export function Composer({ initial, accounts, returnTo, onClose, onSent, onDiscarded, onReload }: Props) {
  const t = useTranslations("compose");
  const failureText = useFailureText("compose");
  const titleId = useId();
  const [status, setStatus] = useState<AutosaveStatus>(initial.draft ? { state: "saved" } : { state: "idle" });
  const [editing] = useState(() => new DraftSession(initial, setStatus));
  useEffect(() => {
    editing.start();
    return () => editing.stop();
  }, [editing]);
  const [account, setAccount] = useState(initial.account);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [cc, setCc] = useState(initial.cc);
  const [bcc, setBcc] = useState(initial.bcc);
  const [subject, setSubject] = useState(initial.subject);
  const [showCopies, setShowCopies] = useState(initial.cc.length > 0 || initial.bcc.length > 0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [later, setLater] = useState(false);
  const [scope, setScope] = useState<{ sendAt?: string; sending: boolean } | null>(null);
  // Back from Google's consent screen: a second refusal means the person declined.
  const [returnedFromGrant] = useState(initial.grantAsked === true);
  const [conflict, setConflict] = useState(false);
  const update = useCallback((change: Partial<LocalDraft>) => editing.update(change), [editing]);
  const onUploaded = useCallback((attachments: LocalDraft["attachments"]) => update({ attachments }), [update]);
  const files = useAttachments(account, initial.attachments, onUploaded);
  useEffect(() => editing.listenForServerAttachments(files.adopt), [editing, files.adopt]);
  const [dragging, setDragging] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    /* eslint-disable react-hooks/set-state-in-effect -- mirrors the autosave's outcome into what is shown */
    if (status.state === "conflict") setConflict(true);
    if (status.state === "scope_required") setScope((current) => current ?? { sending: false });
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [status.state]);

  const handleSend = useCallback(
    (outcome: SendOutcome, sendAt?: string) => {
      if (outcome.kind === "sent") {
        onSent({ scheduled: outcome.scheduled, draft: outcome.draft, later: sendAt !== undefined });
        return;
      }
      if (outcome.kind === "scope_required") setScope({ sendAt, sending: true });
      else if (outcome.kind === "conflict") setConflict(true);
      else setError(failureText(outcome.problem));
    },
    [onSent, failureText],
  );

  const send = useCallback(
    async (sendAt?: string) => {
      setError(null);
      // Lets a recipient field commit what was typed in it (blur, Ctrl+Enter) before the content is read.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { to: toNow, cc: ccNow, bcc: bccNow } = editing.content;
      if (toNow.length + ccNow.length + bccNow.length === 0) {
        setError(t("errors.noRecipient"));
        return;
      }
      if (files.uploading) {
        setError(t("errors.uploading"));
        return;
      }
      setBusy(true);
      const outcome = await editing.send(sendAt);
      setBusy(false);
      handleSend(outcome, sendAt);
    },
    [editing, files.uploading, handleSend, t],
  );

  // Back from Google with a send to finish: it goes now (or is refused again, and the person is told).
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !initial.grantAsked) return;
    resumed.current = true;
    const pending = initial.pendingSend;
    editing.rememberGrant(null);
    // Not within the effect itself: the send sets state as it goes.
    if (pending) setTimeout(() => void send(pending.sendAt), 0);
  }, [initial, editing, send]);

  const close = useCallback(async () => {
    setBusy(true);
    const saved = await editing.flush(true);
    setBusy(false);
    const empty = !editing.content.draft && !editing.hasUnsaved;
    if (saved || empty) {
      editing.forget();
      onClose();
      return;
    }
    // Gmail does not have the latest text: the browser keeps it and this tab reopens it after a reload.
    onClose();
  }, [editing, onClose]);

  const discard = useCallback(async () => {
    setError(null);
    setBusy(true);
    const failure = await editing.discard();
    setBusy(false);
    if (failure) setError(failureText(failure.problem));
    else onDiscarded();
  }, [editing, onDiscarded, failureText]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys pressed in the composer (on its buttons too) are not the mail list's shortcuts.
    event.stopPropagation();
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      void close();
    }
  }

  const single = initial.inReplyTo !== undefined || initial.draft !== null || accounts.length < 2;
  return (
    <div
      ref={root}
      className={`composer ${dragging ? "composer-dragging" : ""}`}
      role="dialog"
      aria-labelledby={titleId}
      data-testid="composer"
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setDragging(false);
        files.add(Array.from(event.dataTransfer.files));
      }}
    >
      <div className="composer-header">
        <h2 id={titleId} className="composer-title">
          {t(`title.${titleOf(initial)}`)}
        </h2>
        <DraftState status={status} />
        <button type="button" className="button button-small" onClick={() => void close()} aria-keyshortcuts="Escape">
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t("close")}</span>
        </button>
      </div>
      <div className="composer-fields">
        {!single && (
          <div className="compose-field">
            <label htmlFor={`${titleId}-account`} className="compose-label">
              {t("fields.account")}
            </label>
            <select
              id={`${titleId}-account`}
              data-testid="compose-account"
              value={account}
              disabled={editing.content.draft !== null}
              onChange={(event) => {
                setAccount(event.target.value);
                setFrom(undefined);
                update({ account: event.target.value, from: undefined });
              }}
            >
              {accounts.map((address) => (
                <option key={address}>{address}</option>
              ))}
            </select>
          </div>
        )}
        <div className="compose-field">
          <label htmlFor={`${titleId}-from`} className="compose-label">
            {t("fields.from")}
          </label>
          <FromPicker
            id={`${titleId}-from`}
            account={account}
            value={from}
            onChange={(email) => {
              setFrom(email);
              update({ from: email });
            }}
          />
        </div>
        <RecipientInput
          label={t("fields.to")}
          testId="compose-to"
          account={account}
          value={to}
          autoFocus={initial.inReplyTo?.mode !== "reply" && initial.inReplyTo?.mode !== "replyAll"}
          onChange={(next) => {
            setTo(next);
            update({ to: next });
          }}
        />
        {showCopies ? (
          <>
            <RecipientInput
              label={t("fields.cc")}
              testId="compose-cc"
              account={account}
              value={cc}
              onChange={(next) => (setCc(next), update({ cc: next }))}
            />
            <RecipientInput
              label={t("fields.bcc")}
              testId="compose-bcc"
              account={account}
              value={bcc}
              onChange={(next) => (setBcc(next), update({ bcc: next }))}
            />
          </>
        ) : (
          <button type="button" className="link-button compose-copies" onClick={() => setShowCopies(true)}>
            {t("fields.copies")}
          </button>
        )}
        <div className="compose-field">
          <label htmlFor={`${titleId}-subject`} className="compose-label">
            {t("fields.subject")}
          </label>
          <input
            id={`${titleId}-subject`}
            data-testid="compose-subject"
            type="text"
            dir="auto"
            value={subject}
            onChange={(event) => {
              setSubject(event.target.value);
              update({ subject: event.target.value });
            }}
          />
        </div>
      </div>
      <RichTextEditor label={t("fields.message")} initialHtml={initial.html} onChange={(html) => update({ html })} />
      {initial.quoteHtml && <QuotePreview html={initial.quoteHtml} />}
      <AttachmentList attachments={files.items} onRemove={files.remove} />
      {files.refusal && (
        <p className="compose-error" role="alert" data-testid="compose-attach-error">
          <AttachmentRefusal refusal={files.refusal} />
        </p>
      )}
      {error && (
        <p className="compose-error" role="alert" data-testid="compose-error">
          {error}
        </p>
      )}
      {conflict && (
        <ConflictNotice
          onKeepMine={() => {
            setConflict(false);
            void editing.keepMine().then((failure) => failure && setError(failureText(failure.problem)));
          }}
          onLoadTheirs={() => {
            const id = editing.content.draft?.id;
            editing.forget();
            if (id) onReload(id);
          }}
        />
      )}
      {scope && (
        <PermissionNotice
          account={account}
          declined={returnedFromGrant}
          onDismiss={() => setScope(null)}
          onGrant={async () => {
            editing.rememberGrant({ pendingSend: scope.sending ? { ...(scope.sendAt ? { sendAt: scope.sendAt } : {}) } : undefined });
            try {
              await startModifyGrant({ account, returnTo });
            } catch {
              setError(t("errors.consent"));
            }
          }}
        />
      )}
      {later && <SendLaterPicker busy={busy} onCancel={() => setLater(false)} onSchedule={(at) => void send(at)} />}
      <div className="composer-footer">
        <button
          type="button"
          className="button button-primary"
          data-testid="compose-send"
          disabled={busy}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={() => void send()}
        >
          {busy ? t("footer.sending") : t("footer.send")}
        </button>
        <button
          type="button"
          className="button"
          data-testid="compose-send-later"
          aria-expanded={later}
          onClick={() => setLater((open) => !open)}
        >
          {t("footer.sendLater")}
        </button>
        <label className="button compose-attach-label">
          {t("footer.attach")}
          <input
            type="file"
            multiple
            className="visually-hidden"
            data-testid="compose-attach"
            onChange={(event) => {
              files.add(Array.from(event.target.files ?? []));
              event.target.value = "";
            }}
          />
        </label>
        <span className="muted compose-drop-hint">{t("footer.dropHint")}</span>
        <button
          type="button"
          className="button compose-discard"
          data-testid="compose-discard"
          aria-label={t("footer.discardLabel")}
          disabled={busy}
          onClick={() => void discard()}
        >
          <span aria-hidden="true">🗑</span> {t("footer.discard")}
        </button>
      </div>
    </div>
  );
}
