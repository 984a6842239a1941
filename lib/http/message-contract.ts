import type { MessageDetail } from "../gmail/message-detail";

/** What GET /api/messages/{id} answers, and each message of GET /api/threads/{id}: only the fields the API names. */
export function messageContract(message: MessageDetail) {
  const { blockedRemoteImages: _blocked, unread: _unread, starred: _starred, snippet: _snippet, ...contract } = message;
  return contract;
}
