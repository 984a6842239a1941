"use client";
// Opening a conversation brings the message worth reading into view: the one the link names (#message-…),
// unfolding it if it sits among the folded messages, or else the newest unread (or the newest) message.
// Only when it is not already in view, so a short conversation stays put with its subject on top.
import { useEffect } from "react";

export function ConversationFocus({ threadId, messageId }: { threadId: string; messageId: string | null }) {
  useEffect(() => {
    const named = window.location.hash.startsWith("#message-") ? document.getElementById(window.location.hash.slice(1)) : null;
    const target = named ?? (messageId ? document.getElementById(`message-${messageId}`) : null);
    if (!target) return;
    const fold = target.closest("details[data-fold]");
    if (fold instanceof HTMLDetailsElement) fold.open = true;
    // In view means its start is on screen (below the sticky toolbar); a long message may go on below.
    const { top } = target.getBoundingClientRect();
    const toolbar = document.querySelector('[data-testid="conversation-toolbar"]')?.getBoundingClientRect().bottom ?? 0;
    if (named || top < toolbar || top > window.innerHeight * 0.8) target.scrollIntoView({ block: "start" });
  }, [threadId, messageId]);
  return null;
}
