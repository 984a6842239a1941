// Server-Sent Events framing (the HTML standard's text/event-stream): `field: value` lines, a blank line
// ends an event, a line starting with ":" is a comment (our heartbeat).
import type { StreamEventType } from "./stream-events";

const encoder = new TextEncoder();

/** One event. `data` is JSON on a single line, so no payload can break the framing. */
export function sseEvent(type: StreamEventType, data: unknown, id?: string): Uint8Array {
  const lines = [];
  if (id !== undefined) lines.push(`id: ${id.replace(/[\r\n]/g, "")}`);
  lines.push(`event: ${type}`, `data: ${JSON.stringify(data)}`);
  return encoder.encode(`${lines.join("\n")}\n\n`);
}

/** A comment: keeps proxies and the browser from timing the connection out, and tells nothing. */
export function sseComment(text: string): Uint8Array {
  return encoder.encode(`: ${text.replace(/[\r\n]/g, " ")}\n\n`);
}

/** How long a browser waits before reconnecting a dropped stream. */
export function sseRetry(ms: number): Uint8Array {
  return encoder.encode(`retry: ${Math.round(ms)}\n\n`);
}
