import "server-only";
// A body part Gmail sent by attachmentId (large parts come that way): fetched with attachments.get, streamed,
// and only as far as the caller needs; the rest of Gmail's answer is never read.
import type { gmailUsersFor } from "./gmail-client";
import type { ReadReferencedPart } from "./message-bodies";
import { streamGmailField } from "./stream-gmail-field";

export function referencedPartReader(gmail: ReturnType<typeof gmailUsersFor>, messageId: string): ReadReferencedPart {
  return async (attachmentId, limit) => {
    const field = await streamGmailField((signal) => gmail.streamAttachment({ userId: "me", messageId, id: attachmentId }, signal), "data");
    const reader = field.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      while (total < limit) {
        const read = await reader.read();
        if (read.done) break;
        chunks.push(read.value);
        total += read.value.length;
      }
    } finally {
      await reader.cancel();
    }
    const bytes = Buffer.concat(chunks);
    return bytes.length > limit ? bytes.subarray(0, limit) : bytes;
  };
}
