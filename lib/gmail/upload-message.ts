import "server-only";
// A large message goes to Gmail by resumable upload: one request opens the session (with the draft's JSON),
// then the built message file follows in 8 MiB chunks, each read from disk as it is sent, so memory stays
// bounded whatever the attachments weigh. The official Node client has no resumable uploads, hence this file.
// Each request is counted in the metrics like the client's own calls, and the session's opening is charged
// to the account's Gmail quota as the call it is (drafts.create or drafts.update).
import { open } from "node:fs/promises";
import { getConfig } from "../config";
import { spendGmailQuota } from "../limits/gmail-quota";
import { gmailCallUnits } from "../limits/gmail-quota-cost";
import { gmailCallStarted } from "../metrics/gmail-calls";
import { GmailResponseError } from "./gmail-errors";
import { gmailErrorReason } from "./retry-policy";

/** Gmail's chunks must be multiples of 256 KiB; 8 MiB keeps the number of requests low and memory small. */
export const RESUMABLE_CHUNK_BYTES = 8 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 120_000;

type UploadTarget = { method: "POST" | "PUT"; path: string; metadata: unknown };

async function observedFetch(method: string, url: string, init: RequestInit): Promise<Response> {
  const done = gmailCallStarted(method, url);
  try {
    const response = await fetch(url, { ...init, method, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    done(response.status);
    return response;
  } catch (error) {
    done("network");
    throw new GmailResponseError(503, { reason: error instanceof Error ? error.name : "network" });
  }
}

/** Throws the failure as the client would (status, Gmail's reason, its body for the error mapping). */
async function failed(response: Response): Promise<never> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const error = new GmailResponseError(response.status, {
    reason: gmailErrorReason(body),
    retryAfter: response.headers.get("retry-after") ?? undefined,
  });
  throw Object.assign(error, { response: { status: response.status, data: body } });
}

/** Uploads the message file at `file` (of `size` bytes) to `target`; Gmail's answer (a Draft) as JSON. */
export async function uploadResumable<T>(accessToken: string, target: UploadTarget, file: string, size: number): Promise<T> {
  const start = new URL(`upload/gmail/v1/users/me/${target.path}`, getConfig().google.endpoints.gmailRoot);
  start.searchParams.set("uploadType", "resumable");
  await spendGmailQuota(gmailCallUnits(target.method, start.pathname));
  const opened = await observedFetch(target.method, start.href, {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      "Content-Type": "application/json; charset=UTF-8",
      "X-Upload-Content-Type": "message/rfc822",
      "X-Upload-Content-Length": String(size),
    },
    body: JSON.stringify(target.metadata),
  });
  if (!opened.ok) await failed(opened);
  const session = opened.headers.get("location");
  if (!session) throw new GmailResponseError(502, { reason: "noUploadSession" });
  await opened.body?.cancel();

  const handle = await open(file, "r");
  try {
    let offset = 0;
    for (;;) {
      const length = Math.min(RESUMABLE_CHUNK_BYTES, size - offset);
      const chunk = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(chunk, 0, length, offset);
      const range = length === 0 ? `bytes */${size}` : `bytes ${offset}-${offset + bytesRead - 1}/${size}`;
      const answer = await observedFetch("PUT", session, {
        headers: { Authorization: `Bearer ${accessToken}`, "Content-Range": range },
        body: chunk.subarray(0, bytesRead),
      });
      if (answer.status === 308) {
        // Gmail says how much it has; without a Range it has nothing yet and the upload starts over.
        const received = /bytes=0-(\d+)/.exec(answer.headers.get("range") ?? "");
        offset = received ? Number(received[1]) + 1 : 0;
        await answer.body?.cancel();
        continue;
      }
      if (!answer.ok) await failed(answer);
      return (await answer.json()) as T;
    }
  } finally {
    await handle.close();
  }
}
