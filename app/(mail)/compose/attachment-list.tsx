"use client";

import { useTranslations } from "next-intl";
import type { Refusal } from "./upload-file";
import type { RequestProblem } from "@/app/_components/request-failure";
import { useFailureText } from "@/app/_components/use-failure-text";
import { useFileSize } from "@/app/_components/use-file-size";
import { withoutBidiControls } from "@/lib/text/bidi";

export type ComposerAttachment = {
  /** Local key: the upload id once uploaded, a temporary one while uploading. */
  key: string;
  filename: string;
  size: number;
  /** 0–1 while uploading; null once uploaded. */
  progress: number | null;
  /** Why its upload failed. */
  error?: RequestProblem;
};

/** The files on the message, each with its progress while uploading and a Remove button that acts at once. */
export function AttachmentList({ attachments, onRemove }: { attachments: ComposerAttachment[]; onRemove: (key: string) => void }) {
  const t = useTranslations("compose.attachments");
  const formatSize = useFileSize();
  const failureText = useFailureText("upload");
  if (attachments.length === 0) return null;
  return (
    <ul className="compose-attachments" aria-label={t("label")}>
      {attachments.map((attachment) => (
        <li key={attachment.key} className="compose-attachment" data-testid="compose-attachment">
          <bdi className="compose-attachment-name">{attachment.filename}</bdi>
          <span className="muted">{formatSize(attachment.size)}</span>
          {attachment.progress !== null && !attachment.error && (
            <progress max={1} value={attachment.progress} aria-label={t("uploading", { name: attachment.filename })} />
          )}
          {attachment.error && <span className="compose-attachment-error">{failureText(attachment.error)}</span>}
          <button type="button" className="button button-small" onClick={() => onRemove(attachment.key)}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t("remove", { name: attachment.filename })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A file refused before its upload (Gmail's 25 MB), named in the sentence as an isolate of its own direction. */
export function AttachmentRefusal({ refusal }: { refusal: Refusal }) {
  const t = useTranslations("compose.uploadFailures");
  const formatSize = useFileSize();
  // First Strong Isolate … Pop Directional Isolate: the name keeps its own direction inside either language's sentence.
  const name = `\u2068${withoutBidiControls(refusal.name)}\u2069`;
  return <>{t(refusal.kind, { name, size: formatSize(refusal.bytes) })}</>;
}
