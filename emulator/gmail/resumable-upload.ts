import type { EmuRequest, EmuResponse } from "../http/types";
import type { EmulatorState } from "../state";
import type { GmailCaller } from "./access";
import { notFound } from "./errors";
import type { UploadKind, UploadSession } from "./resumable-sessions";
import { isMessageType, unsupportedMediaType, uploadTooLarge } from "./upload-body";
import { runUploadedWrite } from "./upload-write";
import { badRequest, type WriteBody } from "./write-body";

const CHUNK_GRANULARITY = 256 * 1024;

/**
 * Starts a resumable upload: 200 with an empty body and the session URI in `Location` (the request's own URL
 * plus `upload_id`). The declared type must be `message/*`; a declared length above the cap is refused now.
 */
export function startResumableUpload(
  state: EmulatorState,
  req: EmuRequest,
  caller: GmailCaller,
  upload: { kind: UploadKind; draftId?: string; body: WriteBody },
): EmuResponse {
  const declaredType = req.headers["x-upload-content-type"];
  if (declaredType !== undefined && !isMessageType(declaredType)) return unsupportedMediaType(declaredType);
  const lengthHeader = req.headers["x-upload-content-length"];
  const declaredLength = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  if (declaredLength !== undefined && declaredLength > state.limits.uploadBytes) return uploadTooLarge(state.limits.uploadBytes);
  const session = state.uploads.create({ caller, ...upload, ...(declaredLength !== undefined ? { declaredLength } : {}) });
  const location = `${req.origin}${req.path}?uploadType=resumable&upload_id=${session.id}`;
  return { status: 200, headers: { location, "x-guploader-uploadid": session.id, vary: "Origin, X-Origin, Referer" }, body: "" };
}

/**
 * One PUT to a session URI: `Content-Range: bytes a-b/N` (N or `*`), or `bytes *\/N` to ask how far it got.
 * Not yet complete → 308 with `Range: bytes=0-<last>` (none before the first byte); every chunk but the last
 * must be a multiple of 256 KiB; the last byte runs the method and answers with its resource. Unknown → 404.
 */
export function receiveChunk(state: EmulatorState, req: EmuRequest, uploadId: string): EmuResponse {
  const session = state.uploads.get(uploadId);
  if (!session) return notFound();
  if (session.result) return session.result;
  const range = parseContentRange(req.headers["content-range"], req.body.length);
  if (range === undefined) return badRequest("Invalid Content-Range header.");
  const total = range.total ?? session.declaredLength;
  if (range.start === undefined) {
    if (req.body.length > 0) return badRequest("A Content-Range of bytes */N carries no bytes.");
    return total !== undefined && session.received === total ? finish(state, session, req) : incomplete(session);
  }
  if (range.start > session.received) return badRequest(`Invalid request. Expected the next byte at ${session.received}.`);
  const fresh = req.body.subarray(session.received - range.start);
  if (session.received + fresh.length > state.limits.uploadBytes || (total !== undefined && total > state.limits.uploadBytes)) {
    state.uploads.delete(session.id);
    return uploadTooLarge(state.limits.uploadBytes);
  }
  const last = total !== undefined && range.start + req.body.length === total;
  if (!last && req.body.length % CHUNK_GRANULARITY !== 0) {
    return badRequest(
      `Invalid request. The number of bytes uploaded is required to be a multiple of ${CHUNK_GRANULARITY}, except for the final request. The received request contained ${req.body.length} bytes.`,
    );
  }
  session.chunks.push(fresh);
  session.received += fresh.length;
  return last ? finish(state, session, req) : incomplete(session);
}

function finish(state: EmulatorState, session: UploadSession, req: EmuRequest): EmuResponse {
  const media = Buffer.concat(session.chunks);
  session.chunks = [];
  const result = runUploadedWrite(
    state,
    session.caller,
    { kind: session.kind, draftId: session.draftId, body: session.body, media },
    req.query,
  );
  session.result = result;
  return result;
}

function incomplete(session: UploadSession): EmuResponse {
  const headers: Record<string, string> = { "x-guploader-uploadid": session.id };
  if (session.received > 0) headers.range = `bytes=0-${session.received - 1}`;
  return { status: 308, headers, body: "" };
}

/** `bytes a-b/N`, `bytes a-b/<star>` or `bytes <star>/N`; no header means the whole content in one request. */
function parseContentRange(header: string | undefined, bodyLength: number): { start?: number; total?: number } | undefined {
  if (header === undefined) return { start: 0, total: bodyLength };
  const probe = /^bytes \*\/(\d+|\*)$/.exec(header.trim());
  if (probe) return probe[1] === "*" ? {} : { total: Number(probe[1]) };
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end < start || end - start + 1 !== bodyLength) return undefined;
  const total = match[3] === "*" ? undefined : Number(match[3]);
  if (total !== undefined && end >= total) return undefined;
  return { start, ...(total !== undefined ? { total } : {}) };
}
