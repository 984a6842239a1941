"use client";
// Prefetches the conversations a person is about to open from a list: the row the pointer rests on, and the
// row the keyboard focus rests on with the next ones (j/k). Listens on the list's element, so rows need no
// handlers of their own; a row link's href is what gets prefetched, so the router shows that very URL from
// memory on a click. A click cancels a pending intent: what is opened now needs no prefetch.
import { useRouter } from "next/navigation";
import { type RefObject, useEffect, useSyncExternalStore } from "react";
import { PREFETCH_LIMITS, conversationPrefetcher } from "./conversation-prefetcher";
import type { PrefetchState } from "./prefetch-queue";

const ROW_LINK = "a[data-row-link]";

type RouterPrefetchKind = NonNullable<Parameters<ReturnType<typeof useRouter>["prefetch"]>[1]>["kind"];
// Next's PrefetchKind.FULL (its enum is not exported from a public module): the whole page, data included.
const FULL = "full" as RouterPrefetchKind;

function rowLinkHref(row: Element | null): string | null {
  return row?.querySelector(ROW_LINK)?.getAttribute("href") ?? null;
}

/** The list's rows from the one holding `target`: that row's link and the next `ahead` rows'. */
function hrefsFrom(target: Element, ahead: number): string[] {
  const hrefs: string[] = [];
  let row: Element | null = target.closest("li");
  for (let index = 0; row && index <= ahead; row = row.nextElementSibling, index += 1) {
    const href = rowLinkHref(row);
    if (href) hrefs.push(href);
  }
  return hrefs;
}

/** Starts prefetching for the list in `listRef`; answers each row href's prefetch state (for `data-prefetch`). */
export function useConversationPrefetch(listRef: RefObject<HTMLElement | null>): (href: string) => PrefetchState | undefined {
  const router = useRouter();
  useSyncExternalStore(conversationPrefetcher.subscribe, conversationPrefetcher.snapshot, () => 0);

  useEffect(() => {
    conversationPrefetcher.connect((href, { onInvalidate }) => router.prefetch(href, { kind: FULL, onInvalidate }));
    conversationPrefetcher.startList();
    const list = listRef.current;
    if (!list) return;
    let intent: ReturnType<typeof setTimeout> | undefined;
    let hoveredRow: Element | null = null;
    const later = (hrefs: string[]) => {
      clearTimeout(intent);
      if (hrefs.length > 0) intent = setTimeout(() => conversationPrefetcher.want(hrefs), PREFETCH_LIMITS.intentMs);
    };
    const cancel = () => clearTimeout(intent);

    const onPointerOver = (event: PointerEvent) => {
      // A touch has no hover: its pointer arrives with the tap itself.
      if (event.pointerType !== "mouse" && event.pointerType !== "pen") return;
      const row = event.target instanceof Element ? event.target.closest("li") : null;
      if (!row || row === hoveredRow || !list.contains(row)) return;
      hoveredRow = row;
      later(hrefsFrom(row, 0));
    };
    const onPointerLeave = () => {
      hoveredRow = null;
      cancel();
    };
    const onFocusIn = (event: FocusEvent) => {
      // Keyboard focus only: a click focuses the link it opens.
      if (!(event.target instanceof Element) || !event.target.matches(":focus-visible")) return;
      later(hrefsFrom(event.target, PREFETCH_LIMITS.keyboardAhead));
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === "visible") return;
      cancel();
      conversationPrefetcher.dropWaiting();
    };
    list.addEventListener("pointerover", onPointerOver);
    list.addEventListener("pointerleave", onPointerLeave);
    list.addEventListener("pointerdown", cancel);
    list.addEventListener("focusin", onFocusIn);
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      cancel();
      list.removeEventListener("pointerover", onPointerOver);
      list.removeEventListener("pointerleave", onPointerLeave);
      list.removeEventListener("pointerdown", cancel);
      list.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [router, listRef]);

  return (href) => conversationPrefetcher.stateOf(href);
}
