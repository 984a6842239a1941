"use client";
// The composer's files: each checked against Gmail's limit before anything is sent, uploaded with progress,
// and removable at once (an upload in progress is aborted). Uploaded ones are reported to the draft.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ComposerAttachment } from "./attachment-list";
import type { LocalAttachment } from "./local-draft";
import { type Refusal, refusalFor, uploadFile } from "./upload-file";

export function useAttachments(account: string, initial: LocalAttachment[], onUploaded: (attachments: LocalAttachment[]) => void) {
  const [items, setItems] = useState<ComposerAttachment[]>(() =>
    initial.map((attachment) => ({ key: attachment.uploadId, filename: attachment.filename, size: attachment.size, progress: null })),
  );
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const uploaded = useRef<LocalAttachment[]>(initial);
  const running = useRef(new Map<string, () => void>());
  const nextKey = useRef(0);

  useEffect(() => {
    const uploads = running.current;
    return () => uploads.forEach((abort) => abort());
  }, []);

  const patch = (key: string, change: Partial<ComposerAttachment>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const add = useCallback(
    (files: File[]) => {
      setRefusal(null);
      let attached = items.reduce((sum, item) => sum + (item.error ? 0 : item.size), 0);
      for (const file of files) {
        const refused = refusalFor(file, attached);
        if (refused) {
          setRefusal(refused);
          continue;
        }
        attached += file.size;
        const key = `upload-${nextKey.current++}`;
        setItems((current) => [...current, { key, filename: file.name, size: file.size, progress: 0 }]);
        const upload = uploadFile(file, account, (progress) => patch(key, { progress }));
        running.current.set(key, upload.abort);
        void upload.done.then((outcome) => {
          running.current.delete(key);
          if (outcome.kind === "done") {
            uploaded.current = [...uploaded.current, outcome.attachment];
            onUploaded(uploaded.current);
            setItems((current) =>
              current.map((item) => (item.key === key ? { ...item, key: outcome.attachment.uploadId, progress: null } : item)),
            );
          } else if (outcome.kind === "failed") {
            patch(key, { error: outcome.problem });
          }
        });
      }
    },
    [account, items, onUploaded],
  );

  const remove = useCallback(
    (key: string) => {
      running.current.get(key)?.();
      running.current.delete(key);
      setItems((current) => current.filter((item) => item.key !== key));
      if (uploaded.current.some((attachment) => attachment.uploadId === key)) {
        uploaded.current = uploaded.current.filter((attachment) => attachment.uploadId !== key);
        onUploaded(uploaded.current);
      }
    },
    [onUploaded],
  );

  /** Files the server put on the draft (a forward's originals): listed like any other, removable too. */
  const adopt = useCallback((attachments: LocalAttachment[]) => {
    uploaded.current = [...uploaded.current, ...attachments];
    setItems((current) => [
      ...current,
      ...attachments.map((attachment) => ({
        key: attachment.uploadId,
        filename: attachment.filename,
        size: attachment.size,
        progress: null,
      })),
    ]);
  }, []);

  const uploading = items.some((item) => item.progress !== null && !item.error);
  return { items, refusal, add, remove, adopt, uploading, clearRefusal: () => setRefusal(null) };
}
