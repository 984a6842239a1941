import type { MessageDetail } from "../gmail/message-detail";

/** What GET /api/messages/{id} answers, and each message of GET /api/threads/{id}: only the fields the API names. */
export function messageContract(message: MessageDetail) {
  // Reply-To serves the page's Reply (built in the browser); the API answers the fields it names.
  const {
    blockedRemoteImages: _blocked,
    unread: _unread,
    starred: _starred,
    snippet: _snippet,
    replyTo: _replyTo,
    truncated,
    ...contract
  } = message;
  // Only a body too large to show adds a field: `text` is then an excerpt, and the whole message is at /raw.
  return truncated === null ? contract : { ...contract, truncated };
}
