import "server-only";
// A Gmail answer streamed rather than parsed (attachments.get, messages.get?format=raw): opened with a
// signal, watched for stalls, and read with decoded-field-stream. The request's own timeout cannot be used,
// since relaying a large file to a slow client may take longer than any fixed time.
import { type DecodedField, openDecodedField } from "./decoded-field-stream";

/** Gmail must answer, and then keep sending, within this; a stalled answer is abandoned. */
const STALL_MS = 15_000;

type Open = (signal: AbortSignal) => Promise<{ data: unknown }>;

function isByteSource(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

export async function streamGmailField(
  open: Open,
  field: string,
  options: { onClose?: () => void; expectedSize?: (numbers: ReadonlyMap<string, number>) => number | null } = {},
): Promise<DecodedField> {
  const controller = new AbortController();
  const stall = setTimeout(() => controller.abort(), STALL_MS);
  const onClose = () => {
    clearTimeout(stall);
    options.onClose?.();
  };
  try {
    const { data } = await open(controller.signal);
    if (!isByteSource(data)) throw new Error("Gmail's answer is not a stream");
    async function* watched() {
      for await (const chunk of data as AsyncIterable<Uint8Array | string>) {
        stall.refresh();
        yield chunk;
      }
    }
    return await openDecodedField(watched(), field, { ...options, onClose });
  } catch (error) {
    controller.abort();
    onClose();
    throw error;
  }
}
