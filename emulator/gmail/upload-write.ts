import type { EmuResponse } from "../http/types";
import type { EmulatorState } from "../state";
import type { GmailCaller } from "./access";
import { invalidArgument } from "./errors";
import type { UploadKind } from "./resumable-sessions";
import { uploadTooLarge } from "./upload-body";
import { rawRequired, type WriteBody } from "./write-body";
import { MailWriter } from "./write-mail";

/** Runs the write method of an upload once its message bytes are all here (simple, multipart or resumable). */
export function runUploadedWrite(
  state: EmulatorState,
  caller: GmailCaller,
  upload: { kind: UploadKind; draftId?: string | undefined; body: WriteBody; media: Buffer },
  query: URLSearchParams,
): EmuResponse {
  if (upload.media.length > state.limits.uploadBytes) return uploadTooLarge(state.limits.uploadBytes);
  if (upload.media.length === 0) return rawRequired();
  const threadId = upload.body.message?.threadId;
  const input = { raw: upload.media, ...(threadId ? { threadId } : {}) };
  const writer = new MailWriter(state, caller, query);
  switch (upload.kind) {
    case "send":
      return writer.sendMessage(input);
    case "draftCreate":
      return writer.createDraft(input);
    case "draftUpdate":
      return writer.updateDraft(upload.draftId ?? "", input);
    case "draftSend":
      if (upload.body.draftId === undefined) return invalidArgument("Missing draft id");
      return writer.sendDraft(upload.body.draftId, input);
  }
}
