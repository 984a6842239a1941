// The browser side's reconnection logic with a stand-in EventSource (pure and local: the real EventSource
// against the real server is exercised by e2e/live-inbox.spec.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConnectionHandlers, type EventSourceLike, MailboxEventsConnection } from "./mailbox-events-connection";

class FakeSource implements EventSourceLike {
  readyState = 0;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: unknown, lastEventId = ""): void {
    this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data), lastEventId } as MessageEvent<string>);
  }
  fail(readyState: 0 | 2): void {
    this.readyState = readyState;
    this.onerror?.(new Event("error"));
  }
}

let sources: FakeSource[];
let calls: { change: unknown[]; resync: unknown[]; end: unknown[]; states: string[] };
let connection: MailboxEventsConnection;

beforeEach(() => {
  vi.useFakeTimers();
  sources = [];
  calls = { change: [], resync: [], end: [], states: [] };
  const handlers: ConnectionHandlers = {
    change: (event) => calls.change.push(event),
    resync: (event) => calls.resync.push(event),
    end: (reason) => calls.end.push(reason),
    state: (state) => calls.states.push(state),
  };
  connection = new MailboxEventsConnection("/api/events?label=INBOX", handlers, (url) => {
    const source = new FakeSource(url);
    sources.push(source);
    return source;
  });
  connection.start();
});
afterEach(() => {
  connection.stop();
  vi.useRealTimers();
});

describe("MailboxEventsConnection", () => {
  it("hands changes over and remembers the last position", () => {
    sources[0]!.emit("ready", { historyId: "100" }, "100");
    sources[0]!.emit("change", { historyId: "105", upserts: [], removals: ["t1"] }, "105");
    expect(calls.states.at(-1)).toBe("live");
    expect(calls.change).toEqual([{ historyId: "105", upserts: [], removals: ["t1"] }]);
    expect(connection.lastEventId).toBe("105");
  });

  it("lets the browser reconnect by itself while it tries, and opens a new stream from the last position when it gives up", () => {
    sources[0]!.emit("ready", { historyId: "100" }, "100");
    sources[0]!.emit("change", { historyId: "105", upserts: [], removals: [] }, "105");
    sources[0]!.fail(0);
    expect(sources).toHaveLength(1);
    expect(calls.states.at(-1)).toBe("reconnecting");
    sources[0]!.fail(2);
    vi.advanceTimersByTime(1_000);
    expect(sources).toHaveLength(2);
    expect(sources[1]!.url).toBe("/api/events?label=INBOX&since=105");
  });

  it("starts from the position of the list on screen when given one, and from the stream's own after that", () => {
    const fromPage = new MailboxEventsConnection(
      "/api/events?account=all&label=INBOX",
      { change: () => {}, resync: () => {}, end: () => {}, state: () => {} },
      (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source;
      },
      "ada%40example.com=90&grace%40example.com=7",
    );
    fromPage.start();
    const opened = sources.at(-1)!;
    expect(new URL(opened.url, "http://x").searchParams.get("since")).toBe("ada%40example.com=90&grace%40example.com=7");
    opened.emit("change", { upserts: [], removals: [] }, "ada%40example.com=95&grace%40example.com=7");
    opened.fail(2);
    vi.advanceTimersByTime(1_000);
    expect(new URL(sources.at(-1)!.url, "http://x").searchParams.get("since")).toBe("ada%40example.com=95&grace%40example.com=7");
    fromPage.stop();
  });

  it("stops for good on end, and never reconnects", () => {
    sources[0]!.emit("end", { reason: "signed_out" });
    expect(calls.end).toEqual(["signed_out"]);
    expect(sources[0]!.closed).toBe(true);
    sources[0]!.fail(2);
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
    expect(calls.states.at(-1)).toBe("ended");
  });

  it("passes resync on, so the page reloads its list", () => {
    sources[0]!.emit("resync", { historyId: "900", reason: "history_expired" }, "900");
    expect(calls.resync).toEqual([{ historyId: "900", reason: "history_expired" }]);
    expect(connection.lastEventId).toBe("900");
  });
});
