// One attachment's upload: the file streamed as the request body to POST /api/uploads, with progress from
// XMLHttpRequest (fetch reports no upload progress), abortable when the person removes it.
import type { LocalAttachment } from "./local-draft";
import { type RequestProblem, UNREACHABLE, problemOf } from "@/app/_components/request-failure";

/** Gmail refuses a message over 25 MB, attachments included: refused here before anything is uploaded. */
export const GMAIL_SIZE_LIMIT = 25 * 1024 * 1024;

export type UploadOutcome =
  { kind: "done"; attachment: LocalAttachment } | { kind: "failed"; problem: RequestProblem } | { kind: "aborted" };

/** Why a file is not uploaded at all: over Gmail's limit alone, or together with the files already attached. */
export type Refusal = { kind: "overLimit" | "wouldExceed"; name: string; bytes: number };

/** Why a file cannot be attached, or null when it can; `alreadyAttached` is the size of the others. */
export function refusalFor(file: { name: string; size: number }, alreadyAttached: number): Refusal | null {
  if (file.size > GMAIL_SIZE_LIMIT) return { kind: "overLimit", name: file.name, bytes: file.size };
  if (file.size + alreadyAttached > GMAIL_SIZE_LIMIT) return { kind: "wouldExceed", name: file.name, bytes: file.size + alreadyAttached };
  return null;
}

function problemOfUpload(xhr: XMLHttpRequest): RequestProblem {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // Not JSON: a proxy's page; the status says enough.
  }
  // A failed upload with no answer at all: Mailroom could not be reached.
  return xhr.status === 0 ? UNREACHABLE : problemOf(xhr.status, body);
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
      resolve({ kind: "failed", problem: problemOfUpload(xhr) });
    });
    xhr.addEventListener("error", () => resolve({ kind: "failed", problem: problemOfUpload(xhr) }));
    xhr.addEventListener("abort", () => resolve({ kind: "aborted" }));
  });
  xhr.open("POST", `/api/uploads?${new URLSearchParams({ account })}`);
  xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
  xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
  xhr.send(file);
  return { done, abort: () => xhr.abort() };
}
