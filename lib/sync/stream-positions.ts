// Where a stream that follows several mailboxes (All accounts) stands: one Gmail history id per account.
// It travels as one opaque string, the stream's SSE event id, so the browser's EventSource sends it back as
// Last-Event-ID after a dropped connection (or a new one passes it as `since`), like a single history id.
// The form is a query string, `ada%40example.com=123&grace%40example.com=45`: no line breaks, and the
// addresses need no escaping of their own. Pure: the page builds one from its list's positions.
import { HISTORY_ID } from "./stream-events";

/** More accounts than anyone links; bounds what a client can make the server parse. */
const MAX_ACCOUNTS = 50;
const MAX_LENGTH = 8_000;
const EMAIL = /^[^\s@=&]{1,64}@[^\s@=&]{1,255}$/;

export function encodeStreamPositions(positions: Iterable<readonly [email: string, historyId: string]>): string {
  return new URLSearchParams([...positions].map(([email, historyId]) => [email, historyId])).toString();
}

/** The positions in `value`, or null when it is not such a string (a client's mistake: 400). */
export function decodeStreamPositions(value: string): Map<string, string> | null {
  if (value.length > MAX_LENGTH) return null;
  const positions = new Map<string, string>();
  for (const [email, historyId] of new URLSearchParams(value)) {
    const address = email.toLowerCase();
    if (!EMAIL.test(address) || !HISTORY_ID.test(historyId) || positions.has(address)) return null;
    positions.set(address, historyId);
    if (positions.size > MAX_ACCOUNTS) return null;
  }
  return positions.size > 0 ? positions : null;
}
