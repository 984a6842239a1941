"use client";
// A title that follows live state ("Inbox (3) · Mailroom"). Next writes the page's metadata title again when it
// re-renders the page's head (a router.refresh after an action, a resync, streamed metadata arriving late), which
// would put back the static one; so the live title is set again whenever the head's title changes under it.
import { useEffect } from "react";

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const assert = () => {
      if (document.title !== title) document.title = title;
    };
    assert();
    const observer = new MutationObserver(assert);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);
}
