import { describe, expect, it } from "vitest";
import {
  ALL_MAIL,
  GmailLabel,
  UNAPPLICABLE_LABELS,
  belongsInView,
  gmailMethodOf,
  isApplicableLabel,
  isLabelView,
  isSpamOrTrash,
  isSpamOrTrashView,
  labelChangeOf,
  threadInView,
  undoOf,
  viewsOf,
  visibleMessages,
  withLabelChange,
} from "./labels";
import { MAIL_ACTIONS, type MailAction } from "../mail/mail-actions";

describe("label ids", () => {
  it.each([
    // id, a view a list may show, a label a person may add or remove
    ["INBOX", true, true],
    ["UNREAD", true, true],
    ["STARRED", true, true],
    ["IMPORTANT", true, true],
    ["SPAM", true, true],
    ["TRASH", true, true],
    ["CATEGORY_PERSONAL", true, true],
    ["CATEGORY_SOCIAL", true, true],
    ["CATEGORY_PROMOTIONS", true, true],
    ["CATEGORY_UPDATES", true, true],
    ["CATEGORY_FORUMS", true, true],
    ["SENT", true, false],
    ["DRAFT", true, false],
    ["CHAT", false, false],
    ["ALL", true, false],
    ["Label_12", true, true],
    ["Label_12345678901234567890", true, true],
    ["Label_123456789012345678901", false, false],
    ["Label_", false, false],
    ["Label_x", false, false],
    ["label_12", false, false],
    ["inbox", false, false],
    ["CATEGORY_PRIMARY", false, false],
    ["", false, false],
  ] as const)("%s: view %s, applicable %s", (id, view, applicable) => {
    expect(isLabelView(id)).toBe(view);
    expect(isApplicableLabel(id)).toBe(applicable);
  });

  it("every system label is either one a person may apply or one Gmail keeps to itself", () => {
    for (const id of Object.values(GmailLabel)) expect(isApplicableLabel(id) !== UNAPPLICABLE_LABELS.has(id), id).toBe(true);
  });
});

describe("what each action does", () => {
  const table: Record<MailAction, { add: string[]; remove: string[]; method: string; undo: MailAction }> = {
    archive: { add: [], remove: ["INBOX"], method: "modify", undo: "unarchive" },
    unarchive: { add: ["INBOX"], remove: [], method: "modify", undo: "archive" },
    markRead: { add: [], remove: ["UNREAD"], method: "modify", undo: "markUnread" },
    markUnread: { add: ["UNREAD"], remove: [], method: "modify", undo: "markRead" },
    star: { add: ["STARRED"], remove: [], method: "modify", undo: "unstar" },
    unstar: { add: [], remove: ["STARRED"], method: "modify", undo: "star" },
    trash: { add: ["TRASH"], remove: [], method: "trash", undo: "untrash" },
    untrash: { add: [], remove: ["TRASH"], method: "untrash", undo: "trash" },
    addLabel: { add: ["Label_7"], remove: [], method: "modify", undo: "removeLabel" },
    removeLabel: { add: [], remove: ["Label_7"], method: "modify", undo: "addLabel" },
    reportSpam: { add: ["SPAM"], remove: ["INBOX"], method: "modify", undo: "notSpam" },
    notSpam: { add: ["INBOX"], remove: ["SPAM"], method: "modify", undo: "reportSpam" },
  };

  it.each(MAIL_ACTIONS)("%s", (action) => {
    const expected = table[action];
    expect(labelChangeOf(action, "Label_7")).toEqual({ add: expected.add, remove: expected.remove });
    expect(gmailMethodOf(action)).toBe(expected.method);
    expect(undoOf(action)).toBe(expected.undo);
  });

  it("refuses to guess the label of addLabel or removeLabel", () => {
    expect(() => labelChangeOf("addLabel")).toThrow(TypeError);
    expect(() => labelChangeOf("removeLabel")).toThrow(TypeError);
  });

  it.each(MAIL_ACTIONS)("%s: its undo is the exact reverse, and undoing the undo is the action again", (action) => {
    const change = labelChangeOf(action, "Label_7");
    expect(labelChangeOf(undoOf(action), "Label_7")).toEqual({ add: change.remove, remove: change.add });
    expect(undoOf(undoOf(action))).toBe(action);
  });

  // Report spam is offered where the conversation is in the inbox, Not spam where it is in Spam: from there,
  // each undoes the other exactly.
  const offeredOn: Partial<Record<MailAction, (labels: string[]) => boolean>> = {
    reportSpam: (labels) => labels.includes("INBOX") && !labels.includes("SPAM"),
    notSpam: (labels) => labels.includes("SPAM") && !labels.includes("INBOX"),
  };

  it.each(MAIL_ACTIONS)("%s, then its undo, leaves a conversation's labels as they were", (action) => {
    const candidates = [
      [],
      ["INBOX", "UNREAD"],
      ["STARRED", "Label_7"],
      ["INBOX", "UNREAD", "STARRED", "TRASH", "Label_7"],
      ["SPAM", "UNREAD"],
    ];
    for (const before of candidates.filter((labels) => offeredOn[action]?.(labels) ?? true)) {
      const after = withLabelChange(before, labelChangeOf(action, "Label_7"));
      if (after === before) continue;
      const back = withLabelChange(after, labelChangeOf(undoOf(action), "Label_7"));
      expect([...back].sort()).toEqual([...before].sort());
    }
  });

  it("changes labels only where the action does something, keeping the array otherwise", () => {
    const labels = ["INBOX"];
    expect(withLabelChange(labels, labelChangeOf("markRead"))).toBe(labels);
    expect(withLabelChange(labels, labelChangeOf("unarchive"))).toBe(labels);
    expect(withLabelChange(labels, labelChangeOf("archive"))).toEqual([]);
    expect(withLabelChange(labels, labelChangeOf("star"))).toEqual(["INBOX", "STARRED"]);
  });
});

describe("which label views a conversation appears in", () => {
  const VIEWS = [
    "INBOX",
    "UNREAD",
    "STARRED",
    "IMPORTANT",
    "SENT",
    "DRAFT",
    "SPAM",
    "TRASH",
    "CATEGORY_PERSONAL",
    "CATEGORY_SOCIAL",
    "Label_7",
    "Label_8",
    ALL_MAIL,
  ];

  // Every view these labels appear in; every other view of VIEWS must leave them out.
  it.each([
    [[], [ALL_MAIL]],
    [["INBOX"], [ALL_MAIL, "INBOX"]],
    [
      ["INBOX", "UNREAD", "IMPORTANT", "CATEGORY_PERSONAL"],
      [ALL_MAIL, "INBOX", "UNREAD", "IMPORTANT", "CATEGORY_PERSONAL"],
    ],
    [["STARRED"], [ALL_MAIL, "STARRED"]],
    [["SENT"], [ALL_MAIL, "SENT"]],
    [["DRAFT"], [ALL_MAIL, "DRAFT"]],
    [
      ["Label_7", "CATEGORY_SOCIAL"],
      [ALL_MAIL, "Label_7", "CATEGORY_SOCIAL"],
    ],
    // A trashed or spam conversation keeps its other labels, but appears in Trash or Spam only.
    [["STARRED", "TRASH"], ["TRASH"]],
    [["INBOX", "UNREAD", "STARRED", "IMPORTANT", "Label_7", "TRASH"], ["TRASH"]],
    [["SENT", "TRASH"], ["TRASH"]],
    [["SPAM", "UNREAD"], ["SPAM"]],
    [["INBOX", "STARRED", "SPAM"], ["SPAM"]],
    [
      ["SPAM", "TRASH"],
      ["SPAM", "TRASH"],
    ],
  ])("%j appears in %j", (labels, views) => {
    for (const view of VIEWS) expect(belongsInView(labels, view), view).toBe(views.includes(view));
    expect(viewsOf(labels).sort()).toEqual([...views].sort());
  });

  it("knows Spam and Trash as views apart, and as labels that take mail out of every other view", () => {
    for (const view of VIEWS) expect(isSpamOrTrashView(view), view).toBe(view === "SPAM" || view === "TRASH");
    expect(isSpamOrTrash(["INBOX", "TRASH"])).toBe(true);
    expect(isSpamOrTrash(["SPAM"])).toBe(true);
    expect(isSpamOrTrash(["INBOX", "STARRED"])).toBe(false);
  });

  it.each([
    // messages' labels, view, whether the conversation is in it
    [[["INBOX", "STARRED", "TRASH"], ["INBOX"]], "INBOX", true],
    [[["INBOX", "STARRED", "TRASH"], ["INBOX"]], "STARRED", false],
    [[["INBOX", "STARRED", "TRASH"], ["INBOX"]], "TRASH", true],
    [[["INBOX", "STARRED", "TRASH"], ["INBOX"]], ALL_MAIL, true],
    [[["STARRED", "TRASH"], ["TRASH"]], ALL_MAIL, false],
    [[["STARRED", "TRASH"], ["TRASH"]], "STARRED", false],
    [[["SENT"], ["INBOX", "UNREAD"]], "SENT", true],
    [[["SENT"], ["INBOX", "UNREAD"]], "UNREAD", true],
    [[], "INBOX", false],
  ])("a conversation of %j is in %s: %s", (labels, view, expected) => {
    expect(
      threadInView(
        labels.map((labelIds) => ({ labelIds })),
        view,
      ),
    ).toBe(expected);
  });

  it.each([
    // messages' labels, view, the messages shown (by index)
    [[["INBOX"], ["INBOX", "TRASH"], ["SPAM"]], "INBOX", [0]],
    [[["INBOX"], ["INBOX", "TRASH"], ["SPAM"]], ALL_MAIL, [0]],
    [[["INBOX"], ["INBOX", "TRASH"], ["SPAM"]], undefined, [0]],
    [[["INBOX"], ["INBOX", "TRASH"], ["SPAM"]], "TRASH", [0, 1, 2]],
    [[["INBOX"], ["INBOX", "TRASH"], ["SPAM"]], "SPAM", [0, 1, 2]],
    // Nothing left outside Trash: the conversation is shown whole rather than empty.
    [[["TRASH"], ["STARRED", "TRASH"]], "STARRED", [0, 1]],
  ])("of %j, %s shows %j", (labels, view, shown) => {
    const messages = labels.map((labelIds, index) => ({ index, labelIds }));
    expect(visibleMessages(messages, view).map((message) => message.index)).toEqual(shown);
  });
});
