import { AttachmentList } from "./attachment-list";
import styles from "./conversation.module.css";
import { MessageBody } from "./message-body";
import { LocalTime } from "../../../_components/local-time";
import type { ReplySource } from "../../compose/quote";
import { ReplyButtons } from "../../compose/reply-buttons";
import type { MessageDetail } from "@/lib/mail/get-message";
import type { Mailbox } from "@/lib/mime/message-headers";

function formatMailbox({ name, email }: Mailbox): string {
  if (name && email) return `${name} <${email}>`;
  return name ?? email ?? "(unknown)";
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
  const sender = message.from.name ?? message.from.email ?? "(unknown sender)";
  return (
    <details
      id={`message-${message.id}`}
      className={`${styles.message} ${message.unread ? styles.unread : ""}`}
      data-testid="conversation-message"
      data-message-id={message.id}
      open={open}
    >
      <summary>
        <span className={styles.sender} dir="auto">
          {message.unread && <span className="visually-hidden">Unread, </span>}
          {sender}
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
          <dt>From</dt>
          <dd dir="auto">{formatMailbox(message.from)}</dd>
          {message.to.length > 0 && (
            <>
              <dt>To</dt>
              <dd dir="auto">{message.to.map(formatMailbox).join(", ")}</dd>
            </>
          )}
          {message.cc.length > 0 && (
            <>
              <dt>Cc</dt>
              <dd dir="auto">{message.cc.map(formatMailbox).join(", ")}</dd>
            </>
          )}
          <dt>Date</dt>
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
