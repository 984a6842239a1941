import "server-only";
// The bytes of one base64url field of a Gmail JSON answer (attachments.get's `data`, format=raw's `raw`),
// decoded as the answer arrives and only as fast as the consumer takes them: memory stays at a network chunk
// or two whatever the file's size. Cancelling the stream (a client that went away) stops reading from Gmail.
import { Base64StreamDecoder } from "../mime/base64-stream";
import { JsonFieldScanner } from "./json-field-scanner";

export type DecodedField = {
  /** Top-level numbers Gmail sent before the field (attachments.get puts `size` first). */
  numbers: ReadonlyMap<string, number>;
  body: ReadableStream<Uint8Array>;
};

type Source = AsyncIterable<Uint8Array | string>;

const bytesOf = (chunk: Uint8Array | string) => (typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);

/**
 * Reads the answer up to the start of `field` (so the numbers before it are known), then streams the rest.
 * With `expectedSize`, a body of any other length fails the stream instead of ending as if complete.
 */
export async function openDecodedField(
  source: Source,
  field: string,
  options: { onClose?: () => void; expectedSize?: (numbers: ReadonlyMap<string, number>) => number | null } = {},
): Promise<DecodedField> {
  const iterator = source[Symbol.asyncIterator]();
  const scanner = new JsonFieldScanner(field);
  const decoder = new Base64StreamDecoder();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    options.onClose?.();
  };
  const stop = async () => {
    close();
    await iterator.return?.();
  };

  type Step = { bytes: Uint8Array; done: boolean };
  /** The next non-empty decoded bytes, or the last ones once the answer has ended (after checking it ended well). */
  const next = async (): Promise<Step> => {
    for (;;) {
      const read = await iterator.next();
      if (read.done) {
        scanner.end();
        return { bytes: decoder.end(), done: true };
      }
      const bytes = decoder.push(scanner.push(bytesOf(read.value)));
      if (bytes.length > 0) return { bytes, done: false };
    }
  };

  let pending: Step | null;
  try {
    // Up to the field's first bytes: the numbers Gmail sends before it are known by then.
    pending = await next();
  } catch (error) {
    await stop();
    throw error;
  }
  const expected = options.expectedSize?.(scanner.numbers) ?? null;

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const step = pending ?? (await next());
        pending = null;
        if (expected !== null && decoder.size > expected) throw new Error("the body is longer than the size Gmail declared");
        if (step.bytes.length > 0) controller.enqueue(step.bytes);
        if (step.done) {
          if (expected !== null && decoder.size !== expected) throw new Error("the body is shorter than the size Gmail declared");
          controller.close();
          close();
        }
      } catch (error) {
        controller.error(error);
        await stop();
      }
    },
    async cancel() {
      await stop();
    },
  });
  return { numbers: scanner.numbers, body };
}
