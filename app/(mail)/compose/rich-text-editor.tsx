"use client";
// The message body: TipTap (ProseMirror) with StarterKit's marks and blocks. Whatever is pasted is parsed
// against that schema, so only bold, italic, links, lists, quotes, paragraphs and the like survive: scripts,
// styles and unknown markup never reach the draft.
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";

type Props = {
  initialHtml: string;
  onChange: (html: string) => void;
  /** The composer's own keys (Ctrl/⌘+Enter, Esc) reach it from inside the editor. */
  label: string;
};

type ToolbarButton = {
  name: "bold" | "italic" | "bulletList" | "numberedList" | "link" | "quote";
  key: string;
  active: (editor: Editor) => boolean;
  run: (editor: Editor, prompt: string) => void;
};

function promptLink(editor: Editor, prompt: string): void {
  const previous = (editor.getAttributes("link") as { href?: string }).href ?? "https://";
  const href = window.prompt(prompt, previous);
  if (href === null) return;
  if (href.trim() === "") {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
}

const BUTTONS: ToolbarButton[] = [
  { name: "bold", key: "B", active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { name: "italic", key: "I", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  { name: "bulletList", key: "•", active: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
  { name: "numberedList", key: "1.", active: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { name: "link", key: "Link", active: (e) => e.isActive("link"), run: promptLink },
  { name: "quote", key: "❝", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
];

function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations("compose.toolbar");
  const active = useEditorState({ editor, selector: ({ editor: current }) => BUTTONS.map((button) => button.active(current)) });
  return (
    <div className="compose-toolbar" role="toolbar" aria-label={t("label")}>
      {BUTTONS.map((button, index) => (
        <button
          key={button.name}
          type="button"
          className="button button-small compose-tool"
          aria-label={t(button.name)}
          aria-pressed={active[index] ?? false}
          title={t(button.name)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => button.run(editor, t("linkPrompt"))}
        >
          <span aria-hidden="true">{button.key}</span>
        </button>
      ))}
    </div>
  );
}

export function RichTextEditor({ initialHtml, onChange, label }: Props) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: true, defaultProtocol: "https" } })],
    content: initialHtml,
    // Every paragraph, list item and heading takes its direction from its own text (dir="auto" on each block,
    // kept in the HTML sent): a Hebrew line reads right to left beside an English one in the same message.
    textDirection: "auto",
    // Rendered in the browser only: the server has no editor state to match.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        "data-testid": "compose-body",
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
        class: "compose-body",
        dir: "auto",
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
  });
  if (!editor) return <div className="compose-body compose-body-loading" aria-busy="true" />;
  return (
    <>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </>
  );
}
