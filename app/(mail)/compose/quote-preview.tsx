"use client";
// The quoted original under a reply, read-only. Rendered through the editor's schema, so the sender's markup
// shows only as paragraphs, lists, quotes, links and emphasis: no styles or scripts reach the page.
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";

export function QuotePreview({ html }: { html: string }) {
  const t = useTranslations("compose");
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false } })],
    content: html,
    // The quote keeps the original's direction, block by block.
    textDirection: "auto",
    editable: false,
    immediatelyRender: false,
    editorProps: { attributes: { "data-testid": "compose-quote", class: "compose-quote", dir: "auto" } },
  });
  return (
    <details className="compose-quote-box">
      <summary>{t("quoteSummary")}</summary>
      {editor ? <EditorContent editor={editor} /> : null}
    </details>
  );
}
