// What makes a prefetched conversation out of date. The router keeps a prefetched page under its URL and offers
// no way to drop one entry, so a conversation's link carries this version: when the live list reports a new
// message or a label change, the row's link is a new URL, the old copy is never shown again, and the new URL
// is prefetched afresh when wished. The conversation page ignores the parameter.
import type { ThreadSummary } from "@/lib/mail/thread-summary";

/** The query parameter that carries the version on a conversation's link. */
export const VERSION_PARAM = "v";

/** A short token (FNV-1a of the newest message, the count and the labels) that changes whenever they do. */
export function conversationVersion(row: Pick<ThreadSummary, "latestMessageId" | "messageCount" | "labelIds">): string {
  const text = `${row.latestMessageId}|${row.messageCount}|${row.labelIds.toSorted().join(",")}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
