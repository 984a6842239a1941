import { describe, expect, it } from "vitest";
import { english, hebrew } from "./conversation-list/list-translators.testing";
import { systemViewsFor, viewNameOf } from "./view-names";

describe("the views' names", () => {
  it("names the system views in the reader's language, and user labels as the user did", () => {
    expect(viewNameOf(english, "INBOX", undefined, [])).toBe("Inbox");
    expect(viewNameOf(hebrew, "INBOX", undefined, [])).toBe("דואר נכנס");
    expect(viewNameOf(hebrew, "Label_1", undefined, [{ id: "Label_1", name: "Work" }])).toBe("Work");
    expect(viewNameOf(hebrew, "INBOX", "lunch", [])).toBe("תוצאות חיפוש");
  });

  it("offers the tabs in Gmail's order, Snoozed only in one account", () => {
    expect(systemViewsFor(english, false).map((view) => view.name)).toEqual([
      "Inbox",
      "Unread",
      "Starred",
      "Snoozed",
      "Sent",
      "Drafts",
      "All mail",
      "Spam",
      "Trash",
    ]);
    expect(systemViewsFor(hebrew, true).map((view) => view.name)).not.toContain("נודניק");
    expect(systemViewsFor(hebrew, true)[0]).toEqual({ id: "INBOX", name: "דואר נכנס" });
  });
});
