import "server-only";
// The body of one GET /api/events response: a text/event-stream that joins the account's feed on this
// instance and carries its events, with a heartbeat comment every 15 s (proxies close silent connections,
// and a write is how a vanished client is noticed). The stream ends when the client goes, when the server
// stops (no `end` event: the client reconnects), or for good with `end` (signed out, re-authorization).
import type { Account } from "@/generated/prisma/client";
import { metrics } from "../metrics/registry";
import { type HubSink, mailboxHub } from "./mailbox-hub";
import { sseComment, sseEvent, sseRetry } from "./sse";
import type { StreamEventType } from "./stream-events";

const HEARTBEAT_MS = 15_000;
/** Reconnect delay the browser is told to use after a dropped stream. */
const RETRY_MS = 2_000;
/** A client this far behind reading its stream is dropped; it resumes from its Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export type EventStreamOptions = {
  account: Account;
  label: string | undefined;
  since: string | null;
  sessionHash: string | null;
  signal: AbortSignal;
  /** Called once when the stream closes, whatever closed it. */
  onClose?: () => void;
};

export function mailboxEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  let close = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        let leave: (() => void) | undefined;
        const write = (chunk: Uint8Array) => {
          if (closed) return;
          try {
            controller.enqueue(chunk);
          } catch {
            close();
            return;
          }
          if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) close();
        };
        close = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          options.signal.removeEventListener("abort", close);
          leave?.();
          metrics().openStreams.dec();
          options.onClose?.();
          try {
            controller.close();
          } catch {
            // already errored or cancelled
          }
        };
        const sink: HubSink = {
          accountId: options.account.id,
          label: options.label,
          lastHistoryId: null,
          sessionHash: options.sessionHash,
          send: (type: StreamEventType, data: unknown, id?: string) => {
            if (closed) return;
            metrics().streamEvents.inc({ type });
            write(sseEvent(type, data, id));
          },
          end: (reason) => {
            sink.send("end", { reason });
            close();
          },
          close: () => close(),
        };

        metrics().openStreams.inc();
        write(sseRetry(RETRY_MS));
        const heartbeat = setInterval(() => write(sseComment("ping")), HEARTBEAT_MS);
        heartbeat.unref();
        options.signal.addEventListener("abort", close, { once: true });
        if (options.signal.aborted) return close();
        mailboxHub()
          .open(options.account, sink, options.since)
          .then(
            (remove) => {
              leave = remove;
              if (closed) remove();
            },
            () => close(),
          );
      },
      cancel() {
        close();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}
