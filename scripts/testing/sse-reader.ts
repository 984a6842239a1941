// A Server-Sent Events reader for tests (Vitest and Playwright), over fetch: what a browser's EventSource does with one connection
// (the event fields, the last event id), without the browser's automatic reconnection, so a test decides
// when and how a stream resumes.

export type StreamEvent = { type: string; id: string | null; data: unknown };

export type EventStreamReader = {
  status: number;
  headers: Headers;
  /** The next event that `matches`, waiting up to `timeoutMs`; events before it are consumed. */
  next: (matches?: (event: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
  /** Every event received so far, in order. */
  received: StreamEvent[];
  /** Resolves when the server ends the stream (or the connection drops). */
  ended: Promise<void>;
  /** The last `id:` the stream carried, as an EventSource would send it back. */
  lastEventId: () => string | null;
  close: () => void;
};

export async function readEventStream(
  url: string,
  options: { cookie?: string; lastEventId?: string | null; headers?: Record<string, string> } = {},
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: {
      accept: "text/event-stream",
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.lastEventId ? { "last-event-id": options.lastEventId } : {}),
      ...options.headers,
    },
    signal: abort.signal,
  });
  return eventStreamReader(response, () => abort.abort(), options.lastEventId ?? null);
}

/** Reads an event stream response (from fetch, or a handler's Response in an integration test). */
export function eventStreamReader(response: Response, close: () => void, initialLastEventId: string | null = null): EventStreamReader {
  const received: StreamEvent[] = [];
  let consumed = 0;
  let lastEventId = initialLastEventId;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };

  let finished = false;
  const ended = (async () => {
    if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
      finished = true;
      return;
    }
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          let type = "message";
          let id: string | null = null;
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            const field = colon === -1 ? line : line.slice(0, colon);
            const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "event") type = value;
            else if (field === "id") id = value;
            else if (field === "data") data.push(value);
          }
          if (id !== null) lastEventId = id;
          if (data.length === 0) continue;
          const text = data.join("\n");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          received.push({ type, id, data: parsed });
          wake();
        }
      }
    } catch {
      // aborted or dropped: the stream is over
    } finally {
      finished = true;
      wake();
    }
  })();

  const next = (matches: (event: StreamEvent) => boolean = () => true, timeoutMs = 10_000) =>
    new Promise<StreamEvent>((resolve, reject) => {
      const check = () => {
        while (consumed < received.length) {
          const event = received[consumed]!;
          consumed += 1;
          if (matches(event)) {
            done();
            resolve(event);
            return;
          }
        }
        if (finished) {
          done();
          reject(new Error(`the stream ended before the expected event; received: ${JSON.stringify(received.map((e) => e.type))}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching event within ${timeoutMs} ms; received: ${JSON.stringify(received.map((e) => e.type))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    status: response.status,
    headers: response.headers,
    next,
    received,
    ended,
    lastEventId: () => lastEventId,
    close,
  };
}
