"use client";
// An HTML mail in its own frame, as tall as its content and as wide as the page: no inner vertical scrollbar,
// no white gap under a short mail. Mail wider than the page (600 px newsletters on a phone) scrolls sideways
// inside the frame instead of being cut off.
//
// The frame runs nothing: its sandbox grants no allow-scripts, so no script, event handler or javascript: URL
// in the mail ever runs (and its own policy, default-src 'none', says the same). It does grant
// allow-same-origin, which only lets *this* page read the frame's document to measure it; the sanitised mail
// cannot use that origin for anything, since using it takes script. (The two together, allow-scripts with
// allow-same-origin, would let a frame lift its own sandbox; allow-scripts is never added here.) Without
// allow-forms and with form-action 'none' nothing is submitted; links open in a new tab, outside the sandbox.
import { useEffect, useRef } from "react";

type Props = { title: string; srcDoc: string };

/** The document's full height, horizontal scrollbar included when the mail is wider than the frame. */
function contentHeight(frame: HTMLIFrameElement): number | null {
  const document = frame.contentDocument;
  const root = document?.documentElement;
  if (!document || !root || !document.body) return null;
  const scrollbar = root.scrollWidth > root.clientWidth ? (frame.contentWindow?.innerHeight ?? 0) - root.clientHeight : 0;
  return Math.ceil(Math.max(document.body.scrollHeight, root.scrollHeight) + Math.max(0, scrollbar));
}

export function MessageFrame({ title, srcDoc }: Props) {
  const ref = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    let observer: ResizeObserver | undefined;
    let observedBody: HTMLElement | null = null;
    const fit = () => {
      const height = contentHeight(frame);
      if (height !== null && Math.abs(frame.getBoundingClientRect().height - height) > 1) frame.style.height = `${height}px`;
      frame.dataset.fitted = "true";
    };
    const watch = () => {
      const body = frame.contentDocument?.body ?? null;
      if (body && body !== observedBody) {
        observer?.disconnect();
        observedBody = body;
        observer = new ResizeObserver(fit);
        observer.observe(body);
        // An image arriving changes the height: load events do not bubble, so they are caught on the way down.
        frame.contentDocument?.addEventListener("load", fit, true);
      }
      fit();
    };
    // The frame may have loaded before this ran (server-rendered srcdoc): measure now, and on every load.
    if (frame.contentDocument?.readyState === "complete") watch();
    frame.addEventListener("load", watch);
    // The page's width changes the mail's wrapping, and so its height.
    const outer = new ResizeObserver(fit);
    outer.observe(frame);
    return () => {
      frame.removeEventListener("load", watch);
      observer?.disconnect();
      outer.disconnect();
    };
  }, [srcDoc]);

  return (
    <iframe
      ref={ref}
      title={title}
      data-testid="message-body"
      className="message-frame"
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={srcDoc}
    />
  );
}
