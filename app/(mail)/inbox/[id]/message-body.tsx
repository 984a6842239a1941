import { formatSize } from "./attachment-list";
import styles from "./conversation.module.css";
import { MessageFrame } from "./message-frame";
import { emailFrameDocument } from "@/lib/gmail/sanitize-email-html";
import type { MessageDetail } from "@/lib/mail/get-message";

type Props = { message: MessageDetail; allowRemoteImages: boolean; account: string | null };

/** Where the whole message downloads from, as the sender's MIME text (.eml). */
function rawHref(messageId: string, account: string | null): string {
  const query = account ? `?${new URLSearchParams({ account })}` : "";
  return `/api/messages/${messageId}/raw${query}`;
}

/** One message's body: sanitised HTML in its own sandboxed frame, the plain text, or the start of a large one. */
export function MessageBody({ message, allowRemoteImages, account }: Props) {
  if (message.truncated !== null) {
    return (
      <>
        <p className={styles.largeNotice} role="note" data-testid="message-truncated">
          This message is too large to show here ({formatSize(message.truncated.bodyBytes)}); its beginning is shown as plain text.{" "}
          <a href={rawHref(message.id, account)} download data-testid="download-message">
            Download the whole message
          </a>
        </p>
        <pre className="message-text" data-testid="message-body" dir="auto">
          {message.text}
        </pre>
      </>
    );
  }
  if (message.html !== null) {
    return (
      <MessageFrame
        title={`Message body: ${message.subject || "(no subject)"}`}
        srcDoc={emailFrameDocument(message.html, { allowRemoteImages })}
      />
    );
  }
  return (
    <pre className="message-text" data-testid="message-body" dir="auto">
      {message.text ?? "(This message has no text.)"}
    </pre>
  );
}
