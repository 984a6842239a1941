"use client";

import { useTranslations } from "next-intl";
import { formatBytes } from "./upload-file";

export type ComposerAttachment = {
  /** Local key: the upload id once uploaded, a temporary one while uploading. */
  key: string;
  filename: string;
  size: number;
  /** 0–1 while uploading; null once uploaded. */
  progress: number | null;
  error?: string;
};

/** The files on the message, each with its progress while uploading and a Remove button that acts at once. */
export function AttachmentList({ attachments, onRemove }: { attachments: ComposerAttachment[]; onRemove: (key: string) => void }) {
  const t = useTranslations("compose.attachments");
  if (attachments.length === 0) return null;
  return (
    <ul className="compose-attachments" aria-label={t("label")}>
      {attachments.map((attachment) => (
        <li key={attachment.key} className="compose-attachment" data-testid="compose-attachment">
          <bdi className="compose-attachment-name">{attachment.filename}</bdi>
          <span className="muted">{formatBytes(attachment.size)}</span>
          {attachment.progress !== null && !attachment.error && (
            <progress max={1} value={attachment.progress} aria-label={t("uploading", { name: attachment.filename })} />
          )}
          {attachment.error && <span className="compose-attachment-error">{attachment.error}</span>}
          <button type="button" className="button button-small" onClick={() => onRemove(attachment.key)}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t("remove", { name: attachment.filename })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
