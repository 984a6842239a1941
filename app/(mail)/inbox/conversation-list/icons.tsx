import type { ReactNode } from "react";

// Simple line icons, drawn on a 24-unit grid in the current text colour; the buttons' words name them.
const ICONS: Record<string, ReactNode> = {
  archive: <path d="M4 5h16v4H4zM5 9v10h14V9M12 11v6m-3-3 3 3 3-3" />,
  unarchive: <path d="M4 13h4l2 3h4l2-3h4M4 13l2-8h12l2 8v6H4z" />,
  trash: <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />,
  untrash: <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  star: <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z" />,
  starred: <path className="filled" d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z" />,
  read: <path d="M3 10l9-6 9 6v10H3zM3 10l9 6 9-6" />,
  unread: <path d="M3 6h18v12H3zM3 6l9 7 9-7" />,
  unlabel: <path d="M3 12 10 5h10v14H10zM12 10l4 4m0-4-4 4" />,
  spam: <path d="M8 3h8l5 5v8l-5 5H8l-5-5V8zM12 7v6M12 16v.5" />,
  paperclip: <path d="m20 11-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7" />,
};

// Icons that point along the line (an undo's turning arrow) are drawn for left-to-right and mirror in right-to-left.
const DIRECTIONAL = new Set(["untrash"]);

export function Icon({ name }: { name: string }) {
  return (
    <svg className={DIRECTIONAL.has(name) ? "icon icon-directional" : "icon"} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {ICONS[name]}
    </svg>
  );
}
