import type { MessageDetail } from "../gmail/message-detail";

/** What GET /api/messages/{id} answers, and each message of GET /api/threads/{id}: only the fields the API names. */
export function messageContract(message: MessageDetail) {
  const { blockedRemoteImages: _blocked, unread: _unread, starred: _starred, snippet: _snippet, truncated, ...contract } = message;
  // Only a body too large to show adds a field: `text` is then an excerpt, and the whole message is at /raw.
  return truncated === null ? contract : { ...contract, truncated };
}
