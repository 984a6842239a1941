import { describe, expect, it } from "vitest";
import { describeDone, describeIntent } from "./describe-action";
import { english, hebrew } from "./list-translators.testing";
import { MAIL_ACTIONS } from "@/lib/mail/mail-actions";

describe("what the list says was done", () => {
  it("counts conversations in English, one and several", () => {
    expect(describeDone(english, "archive", 1)).toBe("Archived 1 conversation");
    expect(describeDone(english, "archive", 3)).toBe("Archived 3 conversations");
    expect(describeDone(english, "trash", 2)).toBe("Moved 2 conversations to the Trash");
    expect(describeDone(english, "addLabel", 1, "Work")).toBe("Added “Work” to 1 conversation");
    expect(describeIntent(english, "markUnread", 2)).toBe("mark 2 conversations as unread");
  });

  it("uses Hebrew's one, two and other forms", () => {
    expect(describeDone(hebrew, "archive", 1)).toBe("שיחה אחת הועברה לארכיון");
    expect(describeDone(hebrew, "archive", 2)).toBe("שתי שיחות הועברו לארכיון");
    expect(describeDone(hebrew, "archive", 5)).toBe("5 שיחות הועברו לארכיון");
    expect(describeIntent(hebrew, "trash", 2)).toBe("להעביר לאשפה שתי שיחות");
  });

  it("isolates a label's name inside a Hebrew sentence, so a Latin name cannot reorder it", () => {
    expect(describeDone(hebrew, "removeLabel", 1, "Work")).toBe("התווית \u2068“Work”\u2069 הוסרה משיחה אחת");
  });

  it("has words for every action in both languages", () => {
    for (const action of MAIL_ACTIONS) {
      for (const t of [english, hebrew]) {
        expect(describeDone(t, action, 2, "L")).not.toMatch(/done\.|\{/);
        expect(describeIntent(t, action, 2, "L")).not.toMatch(/intent\.|\{/);
      }
    }
  });
});
