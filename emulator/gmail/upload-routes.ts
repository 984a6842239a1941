import type { Router } from "../http/router";
import type { EmuRequest, EmuResponse, Params } from "../http/types";
import type { EmulatorState } from "../state";
import { type AccessLevel, authorizeGmail, isResponse } from "./access";
import { notFound } from "./errors";
import { receiveChunk, startResumableUpload } from "./resumable-upload";
import type { UploadKind } from "./resumable-sessions";
import { readMediaUpload, readMultipartUpload } from "./upload-body";
import { runUploadedWrite } from "./upload-write";
import { badRequest, readWriteBody, writeBodyFrom } from "./write-body";
import { MailWriter } from "./write-mail";

const PREFIXES = ["/upload/gmail/v1/users/:userId", "/resumable/upload/gmail/v1/users/:userId"];

const METHODS: Record<UploadKind, { level: AccessLevel; operation: string; body: "draft" | "message" }> = {
  send: { level: "send", operation: "SendMessage", body: "message" },
  draftCreate: { level: "compose", operation: "CreateDraft", body: "draft" },
  draftUpdate: { level: "compose", operation: "UpdateDraft", body: "draft" },
  draftSend: { level: "compose", operation: "SendDraft", body: "draft" },
};

/**
 * The upload URIs of messages.send and drafts.create/update/send: `uploadType=media` (the message alone),
 * `multipart` (JSON metadata, then the message: what @googleapis/gmail sends for `media:` calls) and
 * `resumable` (a session, then chunks PUT to its URI). Also served under `/resumable/upload/…`, the resumable
 * path of Gmail's discovery document.
 */
export function registerUploadRoutes(router: Router, state: EmulatorState): void {
  for (const prefix of PREFIXES) {
    const route = (kind: UploadKind) => (req: EmuRequest, p: Params) => handleUpload(state, req, p, kind);
    router.add("POST", `${prefix}/messages/send`, route("send"));
    router.add("PUT", `${prefix}/messages/send`, route("send"));
    router.add("POST", `${prefix}/drafts/send`, route("draftSend"));
    router.add("PUT", `${prefix}/drafts/send`, route("draftSend"));
    router.add("POST", `${prefix}/drafts`, route("draftCreate"));
    router.add("PUT", `${prefix}/drafts`, route("draftCreate"));
    router.add("PUT", `${prefix}/drafts/:id`, route("draftUpdate"));
  }
}

function handleUpload(state: EmulatorState, req: EmuRequest, p: Params, kind: UploadKind): EmuResponse {
  const uploadId = req.query.get("upload_id");
  if (uploadId !== null) return receiveChunk(state, req, uploadId);
  const method = METHODS[kind];
  const caller = authorizeGmail(state, req, p.userId ?? "", method.level, method.operation);
  if (isResponse(caller)) return caller;
  const draftId = kind === "draftUpdate" ? (p.id ?? "") : undefined;
  if (draftId !== undefined && !new MailWriter(state, caller, req.query).draftMessage(draftId)) return notFound();
  const uploadType = req.query.get("uploadType");
  if (uploadType === "resumable") {
    const body = readWriteBody(req, method.body);
    if ("status" in body) return body;
    return startResumableUpload(state, req, caller, { kind, body, ...(draftId !== undefined ? { draftId } : {}) });
  }
  let parts;
  if (uploadType === "media") parts = readMediaUpload(req);
  else if (uploadType === "multipart") parts = readMultipartUpload(req);
  else return badRequest("Upload requests must include an uploadType URL parameter and a URL path beginning with /upload/");
  if ("status" in parts) return parts;
  const body = writeBodyFrom(parts.metadata, method.body);
  if ("status" in body) return body;
  return runUploadedWrite(state, caller, { kind, draftId, body, media: parts.media }, req.query);
}
