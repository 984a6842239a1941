import { useTranslations } from "next-intl";
import styles from "./conversation.module.css";
import { useFileSize } from "@/app/_components/use-file-size";
import type { AttachmentInfo } from "@/lib/mail/get-message";
import { type AttachmentIcon, attachmentKind } from "@/lib/mail/attachment-kind";
import { withoutBidiControls } from "@/lib/text/bidi";

type Props = {
  messageId: string;
  attachments: readonly AttachmentInfo[];
  /** The account the message belongs to, when the page names one. */
  account: string | null;
};

// Line icons on a 24-unit grid in the text colour; the kind beside them says the same in words.
const PAGE = "M6 3h8l4 4v14H6zM14 3v4h4";
const ICONS: Record<AttachmentIcon, string> = {
  pdf: `${PAGE}M9 13h6M9 16h6M9 10h2`,
  document: `${PAGE}M9 11h6M9 14h6M9 17h4`,
  text: `${PAGE}M9 11h6M9 14h6`,
  sheet: `${PAGE}M9 11h6v7H9zM12 11v7M9 14.5h6`,
  slides: "M4 5h16v11H4zM12 16v4M8 20h8",
  image: "M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15 9h.01",
  archive: `${PAGE}M11 5h2M11 8h2M11 11h2M10 14h4v3h-4z`,
  audio: "M9 18V6l10-2v12M9 18a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM19 16a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z",
  video: "M4 6h12v12H4zM16 10l4-2v8l-4-2",
  calendar: "M4 6h16v14H4zM4 10h16M8 4v4M16 4v4",
  file: PAGE,
};

/** Where a file downloads from: the API route, which serves it as a download and never as a page. */
function downloadHref(messageId: string, attachmentId: string, account: string | null): string {
  const query = account ? `?${new URLSearchParams({ account })}` : "";
  return `/api/messages/${messageId}/attachments/${encodeURIComponent(attachmentId)}${query}`;
}

export function AttachmentList({ messageId, attachments, account }: Props) {
  const t = useTranslations("conversation.attachments");
  const formatSize = useFileSize();
  if (attachments.length === 0) return null;
  const headingId = `attachments-${messageId}`;
  return (
    <section aria-labelledby={headingId} className={`attachments ${styles.attachments}`}>
      <h2 id={headingId} className={styles.attachmentsHeading}>
        {t("heading")} <span className="muted">({attachments.length})</span>
      </h2>
      <ul className={styles.attachmentList}>
        {attachments.map((attachment, index) => {
          // A sender's bidi controls could draw "invoice\u202Efdp.exe" as "invoiceexe.pdf": dropped, the real
          // extension ends the name as shown (and as saved: the download route drops them too).
          const filename = withoutBidiControls(attachment.filename);
          const kind = attachmentKind(attachment.mimeType, filename);
          const name = filename || t("unnamed");
          return (
            <li key={index} className={styles.attachment} data-testid="attachment">
              <svg
                className={`icon ${styles.attachmentIcon}`}
                viewBox="0 0 24 24"
                aria-hidden="true"
                focusable="false"
                data-icon={kind.icon}
              >
                <path d={ICONS[kind.icon]} />
              </svg>
              <span className={styles.attachmentText}>
                {attachment.attachmentId === null ? (
                  <span className={styles.attachmentName} dir="auto">
                    {name}
                  </span>
                ) : (
                  <a className={styles.attachmentName} dir="auto" href={downloadHref(messageId, attachment.attachmentId, account)} download>
                    {name}
                  </a>
                )}
                <span className={`muted ${styles.attachmentKind}`} data-testid="attachment-kind">
                  {t("description", { kind: t(`kinds.${kind.name}`), size: formatSize(attachment.size) })}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
