// One attachment's upload: the file streamed as the request body to POST /api/uploads, with progress from
// XMLHttpRequest (fetch reports no upload progress), abortable when the person removes it.
import type { LocalAttachment } from "./local-draft";

/** Gmail refuses a message over 25 MB, attachments included: refused here before anything is uploaded. */
export const GMAIL_SIZE_LIMIT = 25 * 1024 * 1024;

export type UploadOutcome = { kind: "done"; attachment: LocalAttachment } | { kind: "failed"; message: string } | { kind: "aborted" };

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file cannot be attached, or null when it can; `alreadyAttached` is the size of the others. */
export function refusalFor(file: { name: string; size: number }, alreadyAttached: number): string | null {
  if (file.size > GMAIL_SIZE_LIMIT) {
    return `“${file.name}” is ${formatBytes(file.size)}: Gmail accepts attachments up to 25 MB in all. Share a link to it instead.`;
  }
  if (file.size + alreadyAttached > GMAIL_SIZE_LIMIT) {
    return `“${file.name}” would bring the attachments to ${formatBytes(file.size + alreadyAttached)}: Gmail accepts 25 MB in all.`;
  }
  return null;
}

function messageOf(xhr: XMLHttpRequest): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string" && body.error.message) return body.error.message;
  } catch {
    // Not JSON: a proxy's page; the status says enough.
  }
  if (xhr.status === 413) return "The file is larger than Gmail accepts (25 MB).";
  if (xhr.status === 403) return "Mailroom needs permission to write mail in this account before it can attach files.";
  return xhr.status === 0 ? "The upload stopped: Mailroom could not be reached." : `The upload was refused (HTTP ${xhr.status}).`;
}

export function uploadFile(
  file: File,
  account: string,
  onProgress: (fraction: number) => void,
): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          const attachment = JSON.parse(xhr.responseText) as LocalAttachment;
          if (typeof attachment.uploadId === "string") {
            resolve({ kind: "done", attachment });
            return;
          }
        } catch {
          // Falls through to the failure below.
        }
      }
      resolve({ kind: "failed", message: messageOf(xhr) });
    });
    xhr.addEventListener("error", () => resolve({ kind: "failed", message: messageOf(xhr) }));
    xhr.addEventListener("abort", () => resolve({ kind: "aborted" }));
  });
  xhr.open("POST", `/api/uploads?${new URLSearchParams({ account })}`);
  xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
  xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}
