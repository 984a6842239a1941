// The browser's side of GET /api/events, without React: one EventSource, and a new one when the browser
// gives up on it. The browser reconnects a dropped stream by itself, sending the last event id as
// Last-Event-ID; when it stops trying (the server answered an error, or the network failed for good), a new
// EventSource passes that id as `since`, so no change is lost either way. `end` means the server will not
// take the stream back (signed out, re-authorization needed): it is closed and never retried.
import type { ChangeEvent, EndReason, ResyncEvent } from "@/lib/sync/stream-events";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "ended";

export type ConnectionHandlers = {
  change: (event: ChangeEvent) => void;
  resync: (event: ResyncEvent) => void;
  end: (reason: EndReason) => void;
  state: (state: ConnectionState) => void;
};

/** What the connection needs of EventSource (the browser's, or a stand-in in tests). */
export type EventSourceLike = {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
};

const CLOSED = 2;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

export class MailboxEventsConnection {
  #source: EventSourceLike | null = null;
  #lastEventId: string | null = null;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  /**
   * `since`: where the list on screen stands (its page's position), so the first stream starts there and
   * whatever arrived since the page was rendered comes at once.
   */
  constructor(
    private readonly url: string,
    private readonly handlers: ConnectionHandlers,
    private readonly createSource: (url: string) => EventSourceLike = (url) => new EventSource(url),
    since: string | null = null,
  ) {
    this.#lastEventId = since;
  }

  start(): void {
    this.#open();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = null;
  }

  /** The last position the server told this connection about. */
  get lastEventId(): string | null {
    return this.#lastEventId;
  }

  #open(): void {
    if (this.#stopped) return;
    const url = this.#lastEventId
      ? `${this.url}${this.url.includes("?") ? "&" : "?"}since=${encodeURIComponent(this.#lastEventId)}`
      : this.url;
    const source = this.createSource(url);
    this.#source = source;
    this.handlers.state(this.#failures === 0 ? "connecting" : "reconnecting");
    const track = (event: MessageEvent<string>) => {
      if (event.lastEventId) this.#lastEventId = event.lastEventId;
    };
    const parse = <T>(event: MessageEvent<string>): T | null => {
      try {
        return JSON.parse(event.data) as T;
      } catch {
        return null;
      }
    };
    source.addEventListener("ready", (event) => {
      track(event);
      this.#failures = 0;
      this.handlers.state("live");
    });
    source.addEventListener("change", (event) => {
      track(event);
      const data = parse<ChangeEvent>(event);
      if (data) this.handlers.change(data);
    });
    source.addEventListener("resync", (event) => {
      track(event);
      const data = parse<ResyncEvent>(event);
      if (data) this.handlers.resync(data);
    });
    source.addEventListener("end", (event) => {
      const data = parse<{ reason: EndReason }>(event);
      this.stop();
      this.handlers.state("ended");
      this.handlers.end(data?.reason ?? "signed_out");
    });
    source.onerror = () => {
      if (this.#stopped || source !== this.#source) return;
      if (source.readyState !== CLOSED) {
        this.handlers.state("reconnecting");
        return;
      }
      source.close();
      this.#source = null;
      const delay = BACKOFF_MS[Math.min(this.#failures, BACKOFF_MS.length - 1)]!;
      this.#failures += 1;
      this.handlers.state("reconnecting");
      this.#timer = setTimeout(() => this.#open(), delay);
    };
  }
}
