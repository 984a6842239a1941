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

/**
 * Sets the frame's height to its mail's. The mail is measured in a frame of no height: a mail whose height
 * follows its window's (100vh, height: 100%) would otherwise grow with every measure. The frame's box keeps
 * its height meanwhile, so the page around it never moves (and never loses its scroll position).
 */
function fit(frame: HTMLIFrameElement): void {
  const document = frame.contentDocument;
  const root = document?.documentElement;
  if (!document?.body || !root) return;
  const box = frame.parentElement;
  // The frame's own border is part of its height (border-box).
  const border = frame.offsetHeight - frame.clientHeight;
  if (box) box.style.minHeight = `${frame.offsetHeight}px`;
  frame.style.height = `${border}px`;
  const content = Math.ceil(Math.max(document.body.scrollHeight, root.getBoundingClientRect().height));
  frame.style.height = `${content + border}px`;
  // Mail wider than the frame scrolls sideways: room for that scrollbar below the content.
  const scrollbar = root.scrollWidth > root.clientWidth ? (frame.contentWindow?.innerHeight ?? 0) - root.clientHeight : 0;
  if (scrollbar > 0) frame.style.height = `${content + border + scrollbar}px`;
  if (box) box.style.minHeight = "";
  frame.dataset.fitted = "true";
}

export function MessageFrame({ title, srcDoc }: Props) {
  const ref = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    let observer: ResizeObserver | undefined;
    let observedBody: HTMLElement | null = null;
    const refit = () => fit(frame);
    const watch = () => {
      const body = frame.contentDocument?.body ?? null;
      if (body && body !== observedBody) {
        observer?.disconnect();
        observedBody = body;
        observer = new ResizeObserver(refit);
        observer.observe(body);
        // An image arriving changes the height: load events do not bubble, so they are caught on the way down.
        frame.contentDocument?.addEventListener("load", refit, true);
      }
      refit();
    };
    // The frame may have loaded before this ran (server-rendered srcdoc): measure now, and on every load.
    if (frame.contentDocument?.readyState === "complete") watch();
    frame.addEventListener("load", watch);
    // The page's width changes the mail's wrapping, and so its height.
    const outer = new ResizeObserver(refit);
    outer.observe(frame);
    return () => {
      frame.removeEventListener("load", watch);
      observer?.disconnect();
      outer.disconnect();
    };
  }, [srcDoc]);

  return (
    <div className="message-frame-box">
      <iframe
        ref={ref}
        title={title}
        data-testid="message-body"
        className="message-frame"
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={srcDoc}
      />
    </div>
  );
}
