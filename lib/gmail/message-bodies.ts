import "server-only";
// How much of a message's body is read, decoded and sanitised. Decoding and sanitising cost time and memory
// in proportion to the body (a 5 MB HTML body took 2 s and ~100 MB; 20 MB took the instance down), so a
// body over LARGE_BODY_BYTES is not rendered: the reader gets a plain-text excerpt of its start, and the
// whole message as a download. Parts Gmail sent by attachmentId are fetched, streamed, only as far as needed.
import { type BodyPart, type MessageParts, decodeBodyPart, inlineBytes, joinHtml, joinText } from "../mime/message-content";
import { htmlExcerptText } from "./html-excerpt-text";

/** Above this many decoded bytes the body is shown as an excerpt (Gmail's own web client clips at ~100 KB). */
export const LARGE_BODY_BYTES = 1024 * 1024;
/** How much of a large body's start the excerpt is read from. */
export const EXCERPT_BYTES = 64 * 1024;

/** The first `limit` bytes of a part Gmail sent by attachmentId (all of them when no limit). */
export type ReadReferencedPart = (attachmentId: string, limit: number) => Promise<Uint8Array>;

export type ReadBodies = {
  text: string | null;
  /** Unsanitised; null for a large body. */
  html: string | null;
  /** Set when the body was too large to show whole: `text` is then an excerpt of it. */
  truncated: { bodyBytes: number } | null;
};

const totalSize = (parts: readonly BodyPart[]) => parts.reduce((sum, part) => sum + part.size, 0);

async function partBytes(part: BodyPart, limit: number, read: ReadReferencedPart): Promise<Uint8Array> {
  if (part.data !== null) return inlineBytes(part, limit);
  if (part.attachmentId === null) return new Uint8Array(0);
  return read(part.attachmentId, limit);
}

async function decodeAll(parts: readonly BodyPart[], read: ReadReferencedPart): Promise<string[]> {
  // Bounded all the same: a part is never read past the size that makes a body large.
  return Promise.all(parts.map(async (part) => decodeBodyPart(part, await partBytes(part, LARGE_BODY_BYTES, read))));
}

/** The start of the body as plain text: from the text parts when there are any, else from the HTML. */
async function excerpt(parts: MessageParts, read: ReadReferencedPart): Promise<string> {
  const source = parts.text.length > 0 ? parts.text : parts.html;
  const pieces: string[] = [];
  let left = EXCERPT_BYTES;
  for (const part of source) {
    if (left <= 0) break;
    const bytes = await partBytes(part, left, read);
    left -= bytes.length;
    // A multi-byte character cut at the excerpt's end decodes to U+FFFD: drop it.
    pieces.push(decodeBodyPart(part, bytes).replace(/\uFFFD+$/, ""));
  }
  const text = source === parts.text ? pieces.join("\n\n") : htmlExcerptText(pieces.join("\n"));
  return text.replace(/\r\n?/g, "\n");
}

export async function readMessageBodies(parts: MessageParts, read: ReadReferencedPart): Promise<ReadBodies> {
  const htmlBytes = totalSize(parts.html);
  const textBytes = totalSize(parts.text);
  const shownBytes = parts.html.length > 0 ? htmlBytes : textBytes;
  if (shownBytes > LARGE_BODY_BYTES) {
    return { text: await excerpt(parts, read), html: null, truncated: { bodyBytes: shownBytes } };
  }
  const [text, html] = await Promise.all([
    // A huge plain-text alternative of a small HTML body is not worth reading: the HTML is what is shown.
    textBytes > LARGE_BODY_BYTES ? [] : decodeAll(parts.text, read),
    decodeAll(parts.html, read),
  ]);
  return { text: joinText(text), html: joinHtml(html), truncated: null };
}
