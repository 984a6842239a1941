import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { type ReactNode, Suspense } from "react";
import { ConversationMessage, replySourceOf } from "./conversation-message";
import { ReplyKeys } from "../../compose/reply-buttons";
import { ConversationLive } from "./conversation-live";
import { ConversationOpened } from "./conversation-opened";
import { ConversationFocus } from "./conversation-focus";
import { conversationRowOf } from "./conversation-row-of";
import { ConversationToolbar } from "./conversation-toolbar";
import { ConversationToolbarLoader } from "./conversation-toolbar-loader";
import { foldMessages, messageToShow } from "./fold-messages";
import { blockedImageSenders, untrustedImageSenders } from "./remote-images";
import { TrustSenderButton } from "./trust-sender-button";
import styles from "./conversation.module.css";
import { MailboxError } from "../../../_components/mailbox-error";
import { type Account, resolveAccount } from "@/lib/accounts/linked-accounts";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { requireUserPage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { grantsGmailModify } from "@/lib/gmail/actions/modify-scope";
import { type ThreadDetail, getThread } from "@/lib/mail/get-thread";
import { threadIdOfMessage } from "@/lib/mail/thread-id-of-message";
import { threadId as threadIdParam } from "@/lib/http/mail-query";
import { visibleMessages } from "@/lib/gmail/labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conversation");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where "Back" goes: an inbox URL of ours (with its label, search and page), never anywhere else. */
function backHref(value: unknown): string {
  const path = safeCallbackPath(value);
  return /^\/inbox(\?|$)/.test(path) ? path : "/inbox";
}

/** The label the reader came from: in Trash or Spam the conversation shows what it holds there. */
function labelOf(back: string): string | undefined {
  return new URL(back, "http://mailroom.invalid").searchParams.get("label") ?? undefined;
}

type Loaded = { thread: ThreadDetail } | { redirectTo: string } | { error: unknown };

/** The conversation; for an id that names a later message instead, the conversation to go to. */
async function loadConversation(options: { account: Account; id: string; allowRemoteImages: boolean }): Promise<Loaded> {
  try {
    return { thread: await getThread(options) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "not_found") return { error };
    try {
      const threadId = await threadIdOfMessage(options);
      return threadId === options.id ? { error } : { redirectTo: threadId };
    } catch (lookupError) {
      return { error: lookupError };
    }
  }
}

export default async function ConversationPage({ params, searchParams }: Props) {
  const user = await requireUserPage();
  const t = await getTranslations("conversation");
  const id = threadIdParam.safeParse((await params).id);
  if (!id.success) notFound();
  const query = await searchParams;
  let allowRemoteImages = query.images === "1";
  // Senders of blocked images whom the account does not trust yet (offered "Always show images from …").
  let untrustedSenders: string[] = [];
  const back = backHref(query.back);
  // Compared with the user's own accounts only; anything else (given twice, a stranger's) is refused below.
  const requested = query.account === undefined ? undefined : typeof query.account === "string" ? query.account : "";
  const accountParams: Record<string, string> = requested ? { account: requested } : {};
  const here = (threadId: string, extra: Record<string, string> = {}) =>
    `/inbox/${threadId}?${new URLSearchParams({ ...accountParams, ...extra, back })}`;

  let email: string | null = null;
  let resolved: Account | null = null;
  let canModify = false;
  let loaded: Loaded;
  try {
    const account = await resolveAccount({ userId: user.id, account: requested });
    email = account.email;
    resolved = account;
    canModify = grantsGmailModify(account.scope);
    loaded = await loadConversation({ account, id: id.data, allowRemoteImages });
    if (!allowRemoteImages && "thread" in loaded) {
      untrustedSenders = await untrustedImageSenders(account.id, loaded.thread.messages);
      // Every sender whose images were blocked is trusted: shown without asking (read again, images allowed).
      if (untrustedSenders.length === 0 && blockedImageSenders(loaded.thread.messages).length > 0) {
        allowRemoteImages = true;
        loaded = await loadConversation({ account, id: id.data, allowRemoteImages });
      }
    }
  } catch (error) {
    loaded = { error };
  }
  // An old link to one message opens its whole conversation, at that message.
  if ("redirectTo" in loaded) redirect(`${here(loaded.redirectTo, allowRemoteImages ? { images: "1" } : {})}#message-${id.data}`);
  if ("error" in loaded) {
    return (
      <main className="page">
        <MailboxError
          error={loaded.error}
          email={email}
          subject={t("thisConversation")}
          retryHref={here(id.data)}
          backHref={back}
          backLabel={t("backToInbox")}
          missingIsNotFound
        />
      </main>
    );
  }

  const { thread } = loaded;
  const shown = visibleMessages(thread.messages, labelOf(back));
  const hidden = thread.messages.length - shown.length;
  const latest = shown[shown.length - 1];
  const blockedImages = !allowRemoteImages && shown.some((message) => message.blockedRemoteImages > 0);
  const listLabel = labelOf(back) ?? "INBOX";
  const unreadShown = shown.filter((message) => message.unread).map((message) => message.id);
  const unreadElsewhere = thread.messages.some((message) => message.unread && !unreadShown.includes(message.id));
  const toolbar = {
    row: conversationRowOf(thread, shown, email ?? "", canModify && unreadShown.length > 0 && !unreadElsewhere),
    label: listLabel,
    backHref: back,
    canModify,
  };
  const card = (message: (typeof shown)[number]): ReactNode => (
    <li key={message.id}>
      <ConversationMessage
        message={message}
        open={message === latest || message.unread}
        allowRemoteImages={allowRemoteImages}
        account={email}
      />
    </li>
  );
  return (
    <main className="page message">
      {resolved && email ? (
        // The actions are usable at once; the labels and the neighbours join them when read.
        <Suspense fallback={<ConversationToolbar {...toolbar} userLabels={[]} />}>
          <ConversationToolbarLoader {...toolbar} account={resolved} userId={user.id} hrefOf={(threadId) => here(threadId)} />
        </Suspense>
      ) : (
        <Link href={back} className="back-link">
          {t("backLink")}
        </Link>
      )}
      <article aria-labelledby="conversation-subject">
        <h1 id="conversation-subject" dir="auto">
          {thread.subject || t("noSubject")}
        </h1>
        {shown.length > 1 && <p className={`muted ${styles.count}`}>{t("messageCount", { count: shown.length })}</p>}
        {blockedImages && (
          <div className="images-notice">
            {t("images.notice")}{" "}
            <Link href={here(thread.id, { images: "1" })} className="button">
              {t("images.show")}
            </Link>
            {email &&
              untrustedSenders.map((sender) => (
                <TrustSenderButton key={sender} account={email ?? ""} address={sender} returnTo={here(thread.id)} />
              ))}
          </div>
        )}
        <ol className={styles.messages} aria-label={t("messagesLabel")}>
          {foldMessages(shown).map((segment) =>
            segment.kind === "message" ? (
              card(shown[segment.index]!)
            ) : (
              // Read messages between the first and the newest, folded as Gmail folds them; a native
              // disclosure, so it opens from the keyboard and without scripts.
              <li key={`fold-${segment.indices[0]}`}>
                <details className={styles.fold} data-fold>
                  <summary className={styles.foldButton} data-testid="conversation-fold">
                    {t("fold.more", { count: segment.indices.length })}
                  </summary>
                  <ol className={styles.messages} aria-label={t("fold.earlier", { count: segment.indices.length })}>
                    {segment.indices.map((index) => card(shown[index]!))}
                  </ol>
                </details>
              </li>
            ),
          )}
        </ol>
        {hidden > 0 && <p className={`muted ${styles.hidden}`}>{t("hiddenInTrashOrSpam", { count: hidden })}</p>}
      </article>
      <ReplyKeys source={email && latest && !latest.labelIds.includes("DRAFT") ? replySourceOf(latest, email) : null} />
      <ConversationFocus threadId={thread.id} messageId={messageToShow(shown)?.id ?? null} />
      {latest && <ConversationLive account={email} threadId={thread.id} latestMessageId={latest.id} />}
      <ConversationOpened account={email} threadId={thread.id} unreadMessageIds={unreadShown} canModify={canModify} />
    </main>
  );
}
