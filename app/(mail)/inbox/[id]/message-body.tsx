import { useTranslations } from "next-intl";
import styles from "./conversation.module.css";
import { MessageFrame } from "./message-frame";
import { useFileSize } from "@/app/_components/use-file-size";
import { emailFrameDocument } from "@/lib/gmail/sanitize-email-html";
import type { MessageDetail } from "@/lib/mail/get-message";

type Props = { message: MessageDetail; allowRemoteImages: boolean; account: string | null };

/** Where the whole message downloads from, as the sender's MIME text (.eml). */
function rawHref(messageId: string, account: string | null): string {
  const query = account ? `?${new URLSearchParams({ account })}` : "";
  return `/api/messages/${messageId}/raw${query}`;
}

/**
 * One message's body: sanitised HTML in its own sandboxed frame, the plain text, or the start of a large one.
 * Each takes its direction from its own text (dir="auto", the frame's body too), whatever the interface's: a
 * Hebrew mail reads right to left in the English interface, an English one left to right in the Hebrew one.
 */
export function MessageBody({ message, allowRemoteImages, account }: Props) {
  const t = useTranslations("conversation");
  const formatSize = useFileSize();
  if (message.truncated !== null) {
    return (
      <>
        <p className={styles.largeNotice} role="note" data-testid="message-truncated">
          {t("message.tooLarge", { size: formatSize(message.truncated.bodyBytes) })}{" "}
          <a href={rawHref(message.id, account)} download data-testid="download-message">
            {t("message.downloadWhole")}
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
        title={t("message.bodyTitle", { subject: message.subject || t("noSubject") })}
        srcDoc={emailFrameDocument(message.html, { allowRemoteImages })}
      />
    );
  }
  return (
    <pre className="message-text" data-testid="message-body" dir="auto">
      {message.text ?? t("message.noText")}
    </pre>
  );
}
