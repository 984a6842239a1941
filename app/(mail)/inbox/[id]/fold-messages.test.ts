import { describe, expect, it } from "vitest";
import { foldMessages, messageToShow } from "./fold-messages";

const read = (count: number) => Array.from({ length: count }, () => ({ unread: false }));

describe("foldMessages", () => {
  it("shows a short conversation whole", () => {
    expect(foldMessages(read(6)).every((segment) => segment.kind === "message")).toBe(true);
  });

  it("folds the read middle of a long one, keeping the first and the newest two", () => {
    expect(foldMessages(read(12))).toEqual([
      { kind: "message", index: 0 },
      { kind: "fold", indices: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
      { kind: "message", index: 10 },
      { kind: "message", index: 11 },
    ]);
  });

  it("keeps unread messages in view, folding only the long read runs around them", () => {
    const messages = read(12);
    messages[3] = { unread: true };
    expect(foldMessages(messages)).toEqual([
      { kind: "message", index: 0 },
      { kind: "message", index: 1 },
      { kind: "message", index: 2 },
      { kind: "message", index: 3 },
      { kind: "fold", indices: [4, 5, 6, 7, 8, 9] },
      { kind: "message", index: 10 },
      { kind: "message", index: 11 },
    ]);
  });
});

describe("messageToShow", () => {
  it("is the newest unread message, or else the newest", () => {
    const messages = [
      { id: "a", unread: true },
      { id: "b", unread: true },
      { id: "c", unread: false },
    ];
    expect(messageToShow(messages)?.id).toBe("b");
    expect(
      messageToShow([
        { id: "a", unread: false },
        { id: "b", unread: false },
      ])?.id,
    ).toBe("b");
    expect(messageToShow([])).toBeUndefined();
  });
});
