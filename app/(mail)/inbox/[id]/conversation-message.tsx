import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { AttachmentList } from "./attachment-list";
import styles from "./conversation.module.css";
import { MessageBody } from "./message-body";
import { LocalTime } from "../../../_components/local-time";
import type { ReplySource } from "../../compose/quote";
import { ReplyButtons } from "../../compose/reply-buttons";
import type { MessageDetail } from "@/lib/mail/get-message";
import type { Mailbox } from "@/lib/mime/message-headers";
import { withoutBidiControls } from "@/lib/text/bidi";

/** A name as the sender wrote it, minus bidi controls that could make it read as another name or address. */
function displayName(name: string | null | undefined): string | null {
  const shown = name ? withoutBidiControls(name).trim() : "";
  return shown || null;
}

/**
 * "Name <address>" as one isolate taking the name's direction: the pair reads as a unit in either interface (a
 * Hebrew name right to left with its address after it, an English one left to right), and neither the page's
 * words nor the brackets around the address are reordered by it.
 */
function MailboxText({ mailbox, unknown }: { mailbox: Mailbox; unknown: string }) {
  const name = displayName(mailbox.name);
  const email = mailbox.email ? withoutBidiControls(mailbox.email) : null;
  if (name && email) {
    return (
      <bdi>
        {name} &lt;{email}&gt;
      </bdi>
    );
  }
  return <bdi>{name ?? email ?? unknown}</bdi>;
}

function MailboxList({ mailboxes, unknown }: { mailboxes: readonly Mailbox[]; unknown: string }): ReactNode {
  return mailboxes.map((mailbox, index) => (
    <Fragment key={index}>
      {index > 0 && ", "}
      <MailboxText mailbox={mailbox} unknown={unknown} />
    </Fragment>
  ));
}

type Props = {
  message: MessageDetail;
  /** Shown expanded: the latest message and unread ones; read earlier ones start collapsed. */
  open: boolean;
  allowRemoteImages: boolean;
  account: string | null;
};

/** What Reply, Reply all and Forward build on, handed to the browser with the page (no request when used). */
export function replySourceOf(message: MessageDetail, account: string): ReplySource {
  return {
    messageId: message.id,
    threadId: message.threadId,
    account,
    from: message.from,
    replyTo: message.replyTo,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    date: message.date,
    html: message.html,
    text: message.text,
  };
}

/**
 * One message of a conversation, as a native disclosure: its summary line (sender, preview, date) is a
 * button for keyboard and screen reader alike, and opening it shows the headers, the body and the files.
 */
export function ConversationMessage({ message, open, allowRemoteImages, account }: Props) {
  const t = useTranslations("conversation.message");
  const sender = displayName(message.from.name) ?? (message.from.email && withoutBidiControls(message.from.email)) ?? t("unknownSender");
  const unknown = t("unknown");
  return (
    <details
      id={`message-${message.id}`}
      className={`${styles.message} ${message.unread ? styles.unread : ""}`}
      data-testid="conversation-message"
      data-message-id={message.id}
      open={open}
    >
      <summary>
        <span className={styles.sender}>
          {message.unread && <span className="visually-hidden">{t("unread")}</span>}
          <bdi>{sender}</bdi>
        </span>
        <span className={styles.preview} dir="auto">
          {message.snippet}
        </span>
        <span className={styles.date}>
          <LocalTime iso={message.date} />
        </span>
      </summary>
      <div className={styles.content}>
        <dl className="message-headers">
          <dt>{t("from")}</dt>
          <dd>
            <MailboxText mailbox={message.from} unknown={unknown} />
          </dd>
          {message.to.length > 0 && (
            <>
              <dt>{t("to")}</dt>
              <dd>
                <MailboxList mailboxes={message.to} unknown={unknown} />
              </dd>
            </>
          )}
          {message.cc.length > 0 && (
            <>
              <dt>{t("cc")}</dt>
              <dd>
                <MailboxList mailboxes={message.cc} unknown={unknown} />
              </dd>
            </>
          )}
          <dt>{t("date")}</dt>
          <dd>
            <LocalTime iso={message.date} style="full" />
          </dd>
        </dl>
        <MessageBody message={message} allowRemoteImages={allowRemoteImages} account={account} />
        <AttachmentList messageId={message.id} attachments={message.attachments} account={account} />
        {account && <ReplyButtons source={replySourceOf(message, account)} canEditDraft={message.labelIds.includes("DRAFT")} />}
      </div>
    </details>
  );
}
