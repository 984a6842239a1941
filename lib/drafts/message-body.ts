import "server-only";
// How a built message travels to Gmail. Up to a few MB it streams straight into the client's multipart
// upload. Larger, it is first written to a private temporary file (streamed: attachments are read from their
// files as it is written), because a resumable upload must announce its exact size and send it in chunks.
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { randomBytes } from "node:crypto";
import { type OutgoingMessage, buildMessageStream, estimatedMessageBytes } from "../compose/build-message";
import type { MessageBody } from "../gmail/drafts";
import { uploadsDirectory } from "../uploads/upload-files";

/** Gmail's guide: simple (multipart) uploads for messages up to about 5 MB, resumable beyond. */
export const RESUMABLE_ABOVE_BYTES = 5 * 1024 * 1024;

/** The message ready to send, and what to clean up once Gmail has it (or refused it). */
export async function messageBodyFor(
  message: OutgoingMessage,
  fileBytes: number,
): Promise<{ body: MessageBody; done: () => Promise<void> }> {
  if (estimatedMessageBytes(message.html, fileBytes) <= RESUMABLE_ABOVE_BYTES) {
    const stream = buildMessageStream(message);
    return { body: { kind: "stream", stream }, done: () => Promise.resolve(void stream.destroy()) };
  }
  // A ".part" file in the uploads directory: the stale-upload sweep removes it if this process dies first.
  const file = path.join(uploadsDirectory(), `message-${randomBytes(9).toString("hex")}.part`);
  const done = () => rm(file, { force: true });
  try {
    await pipeline(buildMessageStream(message), createWriteStream(file, { mode: 0o600, flags: "wx" }));
    return { body: { kind: "file", path: file, size: (await stat(file)).size }, done };
  } catch (error) {
    await done();
    throw error;
  }
}
