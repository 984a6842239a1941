import type { AttachmentInfo } from "@/lib/mail/get-message";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type Props = {
  messageId: string;
  attachments: readonly AttachmentInfo[];
  /** The account the message belongs to, when the page names one. */
  account: string | null;
};

/** Where a file downloads from: the API route, which serves it as a download and never as a page. */
function downloadHref(messageId: string, attachmentId: string, account: string | null): string {
  const query = account ? `?${new URLSearchParams({ account })}` : "";
  return `/api/messages/${messageId}/attachments/${encodeURIComponent(attachmentId)}${query}`;
}

export function AttachmentList({ messageId, attachments, account }: Props) {
  if (attachments.length === 0) return null;
  const headingId = `attachments-${messageId}`;
  return (
    <section aria-labelledby={headingId} className="attachments">
      <h2 id={headingId}>Attachments ({attachments.length})</h2>
      <ul>
        {attachments.map((attachment, index) => {
          const details = (
            <span className="muted">
              ({formatSize(attachment.size)}, {attachment.mimeType})
            </span>
          );
          return (
            <li key={index} dir="auto">
              📎{" "}
              {attachment.attachmentId === null ? (
                attachment.filename
              ) : (
                <a href={downloadHref(messageId, attachment.attachmentId, account)} download>
                  {attachment.filename || "(unnamed file)"}
                </a>
              )}{" "}
              {details}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
