import type { StoredMessage } from "./mailbox";
import type { MessagePart } from "./mime-parser";

export type MessageFormat = "minimal" | "metadata" | "full" | "raw";

export const MESSAGE_FORMATS: readonly MessageFormat[] = ["minimal", "metadata", "full", "raw"];

/** The Message resource in Gmail's field order; labelIds is omitted when empty. */
export function formatMessage(
  message: StoredMessage,
  format: MessageFormat,
  metadataHeaders: readonly string[] = [],
): Record<string, unknown> {
  const json: Record<string, unknown> = { id: message.id, threadId: message.threadId };
  if (message.labelIds.length > 0) json.labelIds = message.labelIds;
  json.snippet = message.content.parsed.snippet;
  if (format === "full") json.payload = message.content.parsed.payload;
  if (format === "metadata") json.payload = metadataPayload(message.content.parsed.payload, metadataHeaders);
  json.sizeEstimate = message.sizeEstimate;
  json.historyId = String(message.historyId);
  json.internalDate = String(message.internalDate);
  if (format === "raw") json.raw = message.content.rawBase64Url;
  return json;
}

function metadataPayload(payload: MessagePart, wanted: readonly string[]): Record<string, unknown> {
  if (wanted.length === 0) return { mimeType: payload.mimeType, headers: payload.headers };
  const names = new Set(wanted.map((h) => h.toLowerCase()));
  return { mimeType: payload.mimeType, headers: payload.headers.filter((h) => names.has(h.name.toLowerCase())) };
}

/** Gmail's JSON is pretty-printed unless the caller sends prettyPrint=false. */
export function gmailJson(value: unknown, query: URLSearchParams): string {
  return query.get("prettyPrint") === "false" ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}

/** The Thread resource: its id, the last change to any of its messages, and the messages oldest first. */
export function formatThread(
  id: string,
  messages: readonly StoredMessage[],
  format: MessageFormat,
  metadataHeaders: readonly string[] = [],
): Record<string, unknown> {
  const historyId = Math.max(...messages.map((m) => m.historyId));
  return { id, historyId: String(historyId), messages: messages.map((m) => formatMessage(m, format, metadataHeaders)) };
}
