import "server-only";
// The body of one GET /api/events response: a text/event-stream that joins the feed of each mailbox it
// follows on this instance and carries their events, with a heartbeat comment every 15 s (proxies close
// silent connections, and a write is how a vanished client is noticed). The stream ends when the client goes,
// when the server stops (no `end` event: the client reconnects), or for good with `end` (signed out,
// re-authorization).
//
// One account's stream: event ids are that mailbox's history ids. All accounts: one stream for every account
// (one connection, not one per account: browsers allow few per server), whose event ids name each account's
// position (stream-positions.ts), announced by one `ready` once every account has joined. There, an account
// that can no longer be followed (re-authorization, removed) leaves alone, with a `resync` so the page
// reloads and shows why; the others go on.
import type { Account } from "@/generated/prisma/client";
import { metrics } from "../metrics/registry";
import { type HubSink, mailboxHub } from "./mailbox-hub";
import { sseComment, sseEvent, sseRetry } from "./sse";
import type { EndReason, StreamEventType } from "./stream-events";
import { encodeStreamPositions } from "./stream-positions";

const HEARTBEAT_MS = 15_000;
/** Reconnect delay the browser is told to use after a dropped stream. */
const RETRY_MS = 2_000;
/** A client this far behind reading its stream is dropped; it resumes from its Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** One mailbox the stream follows, from `since` (the client's position in it) or from now. */
export type StreamedMailbox = { account: Account; since: string | null };

export type EventStreamOptions = {
  mailboxes: readonly StreamedMailbox[];
  /** All accounts: event ids carry every mailbox's position. */
  combined: boolean;
  label: string | undefined;
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
        const leaves = new Map<HubSink, () => void>();
        const positions = new Map(options.mailboxes.flatMap(({ account, since }) => (since ? [[emailOf(account), since] as const] : [])));
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
        const send = (type: StreamEventType, data: unknown, id?: string) => {
          if (closed) return;
          metrics().streamEvents.inc({ type });
          write(sseEvent(type, data, id));
        };
        close = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          options.signal.removeEventListener("abort", close);
          for (const leave of leaves.values()) leave();
          metrics().openStreams.dec();
          options.onClose?.();
          try {
            controller.close();
          } catch {
            // already errored or cancelled
          }
        };
        const end = (reason: EndReason) => {
          send("end", { reason });
          close();
        };

        const sinkFor = (account: Account): HubSink => {
          const email = emailOf(account);
          const sink: HubSink = {
            accountId: account.id,
            label: options.label,
            lastHistoryId: null,
            sessionHash: options.sessionHash,
            send: (type, data, id) => {
              if (!options.combined) return send(type, data, id);
              if (id !== undefined) positions.set(email, id);
              // One `ready` for the whole stream, once every account is in (below).
              if (type !== "ready") send(type, data, encodeStreamPositions(positions));
            },
            end: (reason) => {
              if (!options.combined || reason === "signed_out") return end(reason);
              leaves.get(sink)?.();
              leaves.delete(sink);
              const position = encodeStreamPositions(positions);
              send("resync", { account: email, historyId: position, reason: "account_unavailable" }, position);
            },
            close: () => close(),
          };
          return sink;
        };

        metrics().openStreams.inc();
        write(sseRetry(RETRY_MS));
        const heartbeat = setInterval(() => write(sseComment("ping")), HEARTBEAT_MS);
        heartbeat.unref();
        options.signal.addEventListener("abort", close, { once: true });
        if (options.signal.aborted) return close();
        const joined = options.mailboxes.map(({ account, since }) => {
          const sink = sinkFor(account);
          return mailboxHub()
            .open(account, sink, since)
            .then((remove) => {
              if (closed) remove();
              else leaves.set(sink, remove);
            });
        });
        Promise.all(joined).then(
          () => {
            if (!options.combined) return;
            const position = encodeStreamPositions(positions);
            send("ready", { account: "all", historyId: position }, position);
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

function emailOf(account: Account): string {
  return account.email ?? account.id;
}
