"use client";
// Reply, Reply all and Forward under a message; the keys r, a and f act on the conversation's latest one.
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useComposer } from "./composer-provider";
import type { ReplyMode, ReplySource } from "./quote";
import { shortcutKeyOf } from "../../_components/shortcut-key";

const BUTTONS: { mode: ReplyMode; label: "reply" | "replyAll" | "forward"; testId: string; key: string }[] = [
  { mode: "reply", label: "reply", testId: "reply", key: "r" },
  { mode: "replyAll", label: "replyAll", testId: "reply-all", key: "a" },
  { mode: "forward", label: "forward", testId: "forward", key: "f" },
];

export function ReplyButtons({ source, canEditDraft }: { source: ReplySource; canEditDraft: boolean }) {
  const { reply, openDraftMessage } = useComposer();
  const t = useTranslations("compose.reply");
  if (canEditDraft) {
    return (
      <div className="reply-buttons">
        <button
          type="button"
          className="button"
          data-testid="edit-draft"
          onClick={() => void openDraftMessage(source.account, source.messageId)}
        >
          {t("editDraft")}
        </button>
      </div>
    );
  }
  return (
    <div className="reply-buttons" role="group" aria-label={t("group")}>
      {BUTTONS.map((button) => (
        <button key={button.mode} type="button" className="button" data-testid={button.testId} onClick={() => reply(source, button.mode)}>
          {t(button.label)}
        </button>
      ))}
    </div>
  );
}

/** The open conversation's keys, on its latest message (as in Gmail). */
export function ReplyKeys({ source }: { source: ReplySource | null }) {
  const { reply, isOpen } = useComposer();
  useEffect(() => {
    if (!source) return;
    function onKeyDown(event: KeyboardEvent) {
      const pressed = shortcutKeyOf(event);
      if (isOpen || event.shiftKey) return;
      const button = BUTTONS.find(({ key }) => pressed === key);
      if (!button || !source) return;
      event.preventDefault();
      reply(source, button.mode);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [source, reply, isOpen]);
  return null;
}
