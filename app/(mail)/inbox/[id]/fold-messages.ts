// A long conversation opens the way Gmail opens it: the first message, the newest few and every unread one
// stay in view; a run of read messages between them folds into one "N more messages" control. Pure, so the
// rule is tested without a browser.

/** The newest messages kept in view, however long the conversation. */
export const KEEP_NEWEST = 2;
/** Fewer read messages than this in a row are shown as cards: folding three saves little and hides a lot. */
export const MIN_FOLD = 4;

export type Segment = { kind: "message"; index: number } | { kind: "fold"; indices: number[] };

export function foldMessages(messages: readonly { unread: boolean }[]): Segment[] {
  const keep = (index: number) => index === 0 || index >= messages.length - KEEP_NEWEST || messages[index]?.unread === true;
  const segments: Segment[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= MIN_FOLD) segments.push({ kind: "fold", indices: run });
    else segments.push(...run.map((index) => ({ kind: "message" as const, index })));
    run = [];
  };
  messages.forEach((_, index) => {
    if (keep(index)) {
      flush();
      segments.push({ kind: "message", index });
    } else {
      run.push(index);
    }
  });
  flush();
  return segments;
}

/** The message to bring into view on opening: the newest unread one, or else the newest. */
export function messageToShow<T extends { unread: boolean }>(messages: readonly T[]): T | undefined {
  return messages.findLast((message) => message.unread) ?? messages.at(-1);
}
