import { readJsonBody } from "../http/params";
import { htmlResponse } from "../http/responses";
import type { EmuRequest, EmuResponse } from "../http/types";
import type { EmulatorState } from "../state";
import { googleError } from "./errors";
import type { WrittenMessage } from "./write-mail";

/** A JSON body of a write method: a Draft (`{id?, message:{raw, threadId}}`) or a Message (`{raw, threadId}`). */
export interface WriteBody {
  draftId?: string;
  message?: { raw?: string; threadId?: string };
}

export function badRequest(message: string): EmuResponse {
  return googleError({
    status: 400,
    message,
    errors: [{ message, domain: "global", reason: "badRequest" }],
    statusName: "INVALID_ARGUMENT",
  });
}

const RAW_REQUIRED = "'raw' RFC822 payload message string or uploading message via /upload/* URL required";

/** Reads the JSON body; `kind` says whether it is a Draft or a Message. Only raw and threadId count. */
export function readWriteBody(req: EmuRequest, kind: "draft" | "message"): WriteBody | EmuResponse {
  return writeBodyFrom(req.body.length === 0 ? {} : readJsonBody(req), kind);
}

/** The same, from JSON already parsed (an upload's metadata part). */
export function writeBodyFrom(json: unknown, kind: "draft" | "message"): WriteBody | EmuResponse {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return badRequest("Invalid JSON payload received.");
  const record = json as Record<string, unknown>;
  const message = kind === "draft" ? record.message : record;
  const out: WriteBody = {};
  if (kind === "draft" && typeof record.id === "string") out.draftId = record.id;
  if (message !== undefined && message !== null && typeof message === "object" && !Array.isArray(message)) {
    const m = message as Record<string, unknown>;
    out.message = {
      ...(typeof m.raw === "string" ? { raw: m.raw } : {}),
      ...(typeof m.threadId === "string" ? { threadId: m.threadId } : {}),
    };
  }
  return out;
}

/**
 * The message of a metadata-URI write: `raw` as base64url or standard base64, padded or not. Large messages
 * belong on the upload URI; above the configured cap Google's front end answers 413 with an HTML page.
 */
export function writtenFromJson(state: EmulatorState, body: WriteBody): WrittenMessage | EmuResponse {
  const raw = body.message?.raw;
  if (raw === undefined || raw === "") return badRequest(RAW_REQUIRED);
  const compact = raw.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) {
    return badRequest("Invalid value at 'message.raw' (TYPE_BYTES), Base64 decoding failed.");
  }
  if (Math.floor((compact.length * 3) / 4) > state.limits.metadataRawBytes) return requestTooLarge();
  const bytes = Buffer.from(compact, "base64");
  const threadId = body.message?.threadId;
  return { raw: bytes, ...(threadId ? { threadId } : {}) };
}

export function rawRequired(): EmuResponse {
  return badRequest(RAW_REQUIRED);
}

/** Google's front end refuses an oversized body before the API sees it: an HTML page, not the JSON envelope. */
export function requestTooLarge(): EmuResponse {
  return htmlResponse(
    413,
    "<!DOCTYPE html>\n<html lang=en><title>Error 413 (Request Entity Too Large)!!1</title><p><b>413.</b> <ins>That’s an error.</ins><p>Your client issued a request that was too large. <ins>That’s all we know.</ins></html>",
  );
}
